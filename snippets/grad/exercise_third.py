"""Exercise: the first three derivatives of y = x^3 at x = 2."""
import torch

x = torch.tensor([2.0], requires_grad=True)
y = x**3
d1 = torch.autograd.grad(y, x, create_graph=True)[0]  # 3x^2
d2 = torch.autograd.grad(d1, x, create_graph=True)[0]  # 6x
d3 = torch.autograd.grad(d2, x)[0]  # 6
print(d1.item(), d2.item(), d3.item())
#> 12.0 12.0 6.0
