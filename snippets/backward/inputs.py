"""inputs= limits which leaves receive a gradient."""
import torch

w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)
y = (x + w) * (w + 1)

y.backward(inputs=[w])
print(w.grad, x.grad)
#> tensor([5.]) None

