"""A vector input: w in R^2, y in R^2, a 2x2 Jacobian."""
import torch


def f(w):
    return torch.stack([w[0] * w[1], w[0] + w[1] ** 2])


w = torch.tensor([1.0, 2.0], requires_grad=True)
J = torch.autograd.functional.jacobian(f, w)  # J[i, j] = dy_i / dw_j
print(J)  # [[w1, w0], [1, 2 w1]]
#> tensor([[2., 1.],
#>         [1., 4.]])
v = torch.tensor([1.0, 2.0])
print(v @ J)
#> tensor([4., 9.])

y = f(w)
y.backward(v)  # the same product, without ever building J
print(w.grad)
#> tensor([4., 9.])

w.grad = None
(v * f(w)).sum().backward()  # backward(v) is backward of the weighted sum
print(w.grad)
#> tensor([4., 9.])
