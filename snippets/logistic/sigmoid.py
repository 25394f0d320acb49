"""p = sigma(z) = 1 / (1 + e^-z) squeezes any score z into (0, 1)."""
import torch

z = torch.tensor([-4.0, -1.0, 0.0, 1.0, 4.0])
p = torch.sigmoid(z)
print(p)
#> tensor([0.0180, 0.2689, 0.5000, 0.7311, 0.9820])
print(1 / (1 + torch.exp(-z)))  # the formula by hand
#> tensor([0.0180, 0.2689, 0.5000, 0.7311, 0.9820])

# Predict class 1 when p >= 0.5; in exact arithmetic that is z >= 0.
print((p >= 0.5).tolist())
#> [False, False, True, True, True]
print((z >= 0).tolist())
#> [False, False, True, True, True]

# In float32 the two tests can disagree right at the boundary.
z = torch.tensor(-1e-7)
print(torch.sigmoid(z).item(), (torch.sigmoid(z) >= 0.5).item(),
      (z >= 0).item())
#> 0.5 True False
