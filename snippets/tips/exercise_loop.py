"""Exercise: zero_grad() between backward() and step()."""
import torch

w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0])
opt = torch.optim.SGD([w], lr=0.1)

for _ in range(3):
    y = (x + w) * (w + 1)
    y.backward()
    opt.zero_grad()  # too early: the gradient is gone before step() reads it
    opt.step()  # a parameter whose .grad is None is skipped
print(w, w.grad)
#> tensor([1.], requires_grad=True) None
