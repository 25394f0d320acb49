"""Odds y / (1 - y) and log-odds ln(y / (1 - y)) undo the sigmoid."""
import torch

z = torch.tensor([-3.0, -0.5, 0.0, 0.5, 3.0])
y = torch.sigmoid(z)
odds = y / (1 - y)
print(odds)
#> tensor([ 0.0498,  0.6065,  1.0000,  1.6487, 20.0855])
print(torch.log(odds))  # the log-odds are the scores we started from
#> tensor([-3.0000, -0.5000,  0.0000,  0.5000,  3.0000])
print(torch.logit(torch.sigmoid(z)))  # logit is the inverse of sigmoid
#> tensor([-3.0000, -0.5000,  0.0000,  0.5000,  3.0000])
print(torch.allclose(torch.logit(torch.sigmoid(z)), z, atol=1e-6))
#> True
