"""From tensors to plain Python values."""
import torch

loss = torch.tensor(0.25)
print(loss.item(), type(loss.item()).__name__)
#> 0.25 float
print(torch.tensor([0.25]).item())  # any one-element tensor, not only 0-d
#> 0.25
print(torch.tensor([1.0, 2.0]).tolist())
#> [1.0, 2.0]
