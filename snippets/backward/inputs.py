"""inputs= chooses which tensors receive a gradient, leaves or not."""
import torch

w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)
a = x + w
y = a * (w + 1)

y.backward(inputs=[w], retain_graph=True)
print(w.grad, x.grad)
#> tensor([5.]) None

y.backward(inputs=[a])  # a non-leaf: no retain_grad() needed
print(a.grad)  # dy/da = b
#> tensor([2.])
