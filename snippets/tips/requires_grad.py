"""Anything computed from a leaf that requires grad requires grad too,
with exceptions."""
import torch

w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0])  # this one does not
a = x + w
b = w + 1
y = a * b
print(a.requires_grad, b.requires_grad, y.requires_grad)
#> True True True
print((x * 2).requires_grad)  # built from x alone
#> False

# Results that cannot be differentiated do not require grad.
print((w > 0).requires_grad, w.argmax().requires_grad)
#> False False
