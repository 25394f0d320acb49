"""Differentiate twice: y = x^2 at x = 3, so dy/dx = 2x and d2y/dx2 = 2."""
import torch

x = torch.tensor([3.0], requires_grad=True)
y = x**2

# record the derivative itself
first = torch.autograd.grad(y, x, create_graph=True)
print(first)
#> (tensor([6.], grad_fn=<MulBackward0>),)

second = torch.autograd.grad(first[0], x)
print(second)
#> (tensor([2.]),)
