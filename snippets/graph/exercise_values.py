"""Exercise: the running example at w = 2, x = 3."""
import torch

w = torch.tensor([2.0], requires_grad=True)
x = torch.tensor([3.0], requires_grad=True)
a = x + w  # a = 5
b = w + 1  # b = 3
y = a * b
y.backward()
print(w.grad, x.grad)  # dy/dw = b + a, dy/dx = b
#> tensor([8.]) tensor([3.])
