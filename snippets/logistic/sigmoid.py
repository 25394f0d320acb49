"""sigma(z) = 1 / (1 + e^-z) squeezes any score into (0, 1)."""
import torch

z = torch.tensor([-4.0, -1.0, 0.0, 1.0, 4.0])
y = torch.sigmoid(z)
print(y)
#> tensor([0.0180, 0.2689, 0.5000, 0.7311, 0.9820])
print(1 / (1 + torch.exp(-z)))  # the formula by hand
#> tensor([0.0180, 0.2689, 0.5000, 0.7311, 0.9820])

# Class 1 when y >= 0.5, which happens exactly when z = WX + b >= 0.
print((y >= 0.5).tolist())
#> [False, False, True, True, True]
print((z >= 0).tolist())
#> [False, False, True, True, True]
