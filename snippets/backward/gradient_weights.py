"""Weights for a non-scalar loss: a vector-Jacobian product."""
import torch

w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)


def make_loss():
    a = x + w
    b = w + 1
    y1 = a * b  # dy1/dw = b + a = 5
    y2 = a + b  # dy2/dw = 1 + 1 = 2
    return torch.cat([y1, y2])


loss = make_loss()
loss.backward(gradient=torch.tensor([1.0, 2.0]))  # 1 * 5 + 2 * 2
print(w.grad)
#> tensor([9.])

w.grad = None
loss = make_loss()
# weights (1, 1): 1 * 5 + 1 * 2
torch.autograd.backward(loss, grad_tensors=torch.tensor([1.0, 1.0]))
print(w.grad)
#> tensor([7.])

# The same numbers as an explicit product v^T J, with J = d(loss)/dw.
J = torch.autograd.functional.jacobian(
    lambda w_: torch.cat([(x + w_) * (w_ + 1), (x + w_) + (w_ + 1)]), w)
print(J)
#> tensor([[5.],
#>         [2.]])
v = torch.tensor([1.0, 2.0])
print(v @ J)
#> tensor([9.])
