"""Why .grad adds up: several losses, and a batch taken in micro-batches."""
import torch

w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0])

# Two losses, one parameter: two backward calls give the gradient of their sum.
(w * x).backward()  # d/dw = x = 2
(w**2).backward()  # d/dw = 2w = 2
print(w.grad)
#> tensor([4.])
w.grad = None
(w * x + w**2).backward()
print(w.grad)
#> tensor([4.])

# Micro-batches: a batch of 4 in 2 halves, each half's mean loss divided by 2.
data = torch.tensor([1.0, 2.0, 3.0, 4.0])
targets = torch.tensor([2.0, 3.0, 7.0, 9.0])
w.grad = None
((w * data - targets) ** 2).mean().backward()  # the whole batch at once
print(w.grad)
#> tensor([-17.5000])
w.grad = None
for xb, tb in zip(data.split(2), targets.split(2)):
    # one half at a time: .grad adds up
    (((w * xb - tb) ** 2).mean() / 2).backward()
print(w.grad)
#> tensor([-17.5000])
