"""The running example with 0-d tensors, the usual way to write a scalar."""
import torch

w = torch.tensor(1.0, requires_grad=True)  # 0-d: no brackets
x = torch.tensor(2.0, requires_grad=True)
y = (x + w) * (w + 1)
y.backward()
print(w.shape, w.grad)
#> torch.Size([]) tensor(5.)

v = torch.tensor([1.0])  # shape [1], as on these pages
print(v.shape, v.item() == w.item())
#> torch.Size([1]) True
