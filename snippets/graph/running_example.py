"""y = (x + w)(w + 1): the chain rule by hand, then by autograd."""
import torch

w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)

a = x + w  # a = 3
b = w + 1  # b = 2
y = a * b  # y = 6

# dy/dw = dy/da * da/dw + dy/db * db/dw = b * 1 + a * 1
print(b.item() + a.item())
#> 5.0

y.backward()
print(w.grad)
#> tensor([5.])
