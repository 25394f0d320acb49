"""A vector input: w in R^2, y in R^2, a 2x2 Jacobian."""
import torch


def f(w):  # y = (w1 w2, w1 + w2^2), where w1 is w[0] and w2 is w[1]
    return torch.stack([w[0] * w[1], w[0] + w[1] ** 2])


w = torch.tensor([1.0, 2.0], requires_grad=True)
J = torch.autograd.functional.jacobian(f, w)  # J[i, j] = dy_i / dw_j
print(J)  # [[w2, w1], [1, 2 w2]]
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
