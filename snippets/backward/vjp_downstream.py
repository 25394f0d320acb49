"""v is dL/dy: the gradient that arrives from what comes after y."""
import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)
y = torch.stack([w[0] * w[1], w[0] + w[1] ** 2])  # y = (2, 5), as before
L = (y**2).sum() / 2  # something downstream of y; dL/dy = y

L.backward(retain_graph=True)
print(w.grad)
#> tensor([ 9., 22.])

w.grad = None
y.backward(y.detach())  # hand y's backward the vector dL/dy
print(w.grad)
#> tensor([ 9., 22.])
