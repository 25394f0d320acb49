"""Exercise: detach() as a stop-gradient."""
import torch

x = torch.tensor([3.0], requires_grad=True)
z = x * x.detach()  # the same value as x * x
z.backward()
print(z.item(), x.grad)  # only the first factor passes a gradient
#> 9.0 tensor([3.])
