"""Odds p / (1 - p), and log-odds ln(p / (1 - p)), which undo the sigmoid."""
import torch

z = torch.tensor([-3.0, -0.5, 0.0, 0.5, 3.0])
p = torch.sigmoid(z)
odds = p / (1 - p)
print(odds)  # equals e^z
#> tensor([ 0.0498,  0.6065,  1.0000,  1.6487, 20.0855])
print(torch.log(odds))  # the log-odds are the scores we started from
#> tensor([-3.0000, -0.5000,  0.0000,  0.5000,  3.0000])
print(torch.logit(p))  # torch.logit is the inverse of torch.sigmoid
#> tensor([-3.0000, -0.5000,  0.0000,  0.5000,  3.0000])
print(torch.allclose(torch.logit(p), z, atol=1e-6))
#> True
