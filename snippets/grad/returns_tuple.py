"""grad() returns the gradients (a tuple, or a dict for a dict)
and leaves .grad alone."""
import torch

w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)
y = (x + w) * (w + 1)

grads = torch.autograd.grad(y, [w, x], retain_graph=True)
print(grads)  # one gradient per input: dy/dw = a + b, dy/dx = b
#> (tensor([5.]), tensor([2.]))
print(w.grad, x.grad)  # untouched
#> None None

print(torch.autograd.grad(y, {"w": w, "x": x}))  # inputs by name: a dict back
#> {'w': tensor([5.]), 'x': tensor([2.])}
