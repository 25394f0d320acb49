"""Compare autograd's gradient with finite differences (needs float64)."""
import torch


def f(w, x):
    return (x + w) * (w + 1)


w = torch.tensor([1.0], dtype=torch.float64, requires_grad=True)
x = torch.tensor([2.0], dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(f, (w, x)))
#> True
