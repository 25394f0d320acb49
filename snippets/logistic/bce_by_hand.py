"""Binary cross-entropy by hand: -[y ln p + (1 - y) ln(1 - p)], and why clamp."""
import torch
import torch.nn.functional as F

p = torch.tensor([0.9, 0.1, 1.0, 0.0])  # predicted probability of class 1
y = torch.tensor([1.0, 1.0, 0.0, 0.0])  # true labels


def bce(p, y):
    return -(y * torch.log(p) + (1 - y) * torch.log(1 - p))


print(bce(p, y))  # ln 0 = -inf gives inf, and 0 * ln 0 gives nan
#> tensor([0.1054, 2.3026,    inf,    nan])

eps = 1e-7
print(bce(p.clamp(eps, 1 - eps), y))  # finite: confident mistakes cost a lot
#> tensor([1.0536e-01, 2.3026e+00, 1.5942e+01, 1.1921e-07])
print(F.binary_cross_entropy(p, y, reduction="none"))  # torch clamps ln at -100
#> tensor([  0.1054,   2.3026, 100.0000,   0.0000])
