"""BCE is the negative log of the probability the model gives the true label."""
import torch
import torch.nn.functional as F

p = torch.tensor([0.9, 0.6, 0.1, 0.2])  # predicted P(y = 1 | x)
y = torch.tensor([1.0, 1.0, 1.0, 0.0])  # true labels

likelihood = p**y * (1 - p) ** (1 - y)  # p if y = 1, 1 - p if y = 0
print(likelihood)
#> tensor([0.9000, 0.6000, 0.1000, 0.8000])
print(-torch.log(likelihood))
#> tensor([0.1054, 0.5108, 2.3026, 0.2231])
print(-(y * torch.log(p) + (1 - y) * torch.log(1 - p)))  # the BCE formula
#> tensor([0.1054, 0.5108, 2.3026, 0.2231])
print(F.binary_cross_entropy(p, y, reduction="none"))  # torch agrees
#> tensor([0.1054, 0.5108, 2.3026, 0.2231])
