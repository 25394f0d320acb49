"""The BCE formula typed in directly breaks on p = 0 or p = 1."""
import torch

p = torch.tensor([0.9, 0.1, 1.0, 0.0])  # predicted probability of class 1
y = torch.tensor([1.0, 1.0, 0.0, 0.0])  # true labels


def bce(p, y):
    return -(y * torch.log(p) + (1 - y) * torch.log(1 - p))


print(bce(p, y))  # ln 0 = -inf gives inf, and 0 * ln 0 gives nan
#> tensor([0.1054, 2.3026,    inf,    nan])
