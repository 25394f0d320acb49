"""Two variables: a Hessian-vector product from two calls of grad,
and the whole Hessian."""
import torch
from torch.func import hessian


def f(x):  # f = x1^2 x2 + x2^3
    return x[0] ** 2 * x[1] + x[1] ** 3


x = torch.tensor([1.0, 2.0], requires_grad=True)
# g = (2 x1 x2, x1^2 + 3 x2^2), recorded so that it can be differentiated
(g,) = torch.autograd.grad(f(x), x, create_graph=True)
print(g)
#> tensor([ 4., 13.], grad_fn=<AddBackward0>)
v = torch.tensor([1.0, -1.0])
# hv = v^T H: one more backward pass
(hv,) = torch.autograd.grad(g, x, grad_outputs=v)
print(hv)
#> tensor([  2., -10.])
H = hessian(f)(x.detach())  # [[2 x2, 2 x1], [2 x1, 6 x2]]
print(H)
#> tensor([[ 4.,  2.],
#>         [ 2., 12.]])
print(H @ v)  # H is symmetric: H v = v^T H
#> tensor([  2., -10.])
