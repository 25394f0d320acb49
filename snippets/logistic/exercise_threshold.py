"""Logits are compared with 0, probabilities with 0.5."""
import torch

z = torch.tensor([-1.0, 0.2, 0.4, 3.0])  # a model without a final sigmoid outputs logits
print((z >= 0.5).tolist())  # the mistake: a probability threshold applied to logits
#> [False, False, False, True]
print((z >= 0).tolist())
#> [False, True, True, True]
print((torch.sigmoid(z) >= 0.5).tolist())
#> [False, True, True, True]
print(torch.sigmoid(torch.tensor(0.5)))  # the probability threshold that z >= 0.5 really uses
#> tensor(0.6225)
