"""grad() returns the gradients as a tuple and leaves .grad alone."""
import torch

w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)
y = (x + w) * (w + 1)

grads = torch.autograd.grad(y, [w, x])
print(grads)  # one gradient per input: dy/dw = a + b, dy/dx = b
#> (tensor([5.]), tensor([2.]))
print(w.grad, x.grad)  # untouched
#> None None
