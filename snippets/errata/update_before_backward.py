"""w.grad is None until the first backward, hence the failing manual update."""
import torch

w = torch.tensor([1.0], requires_grad=True)
lr = 0.1
try:
    w.data = w.data - lr * w.grad.data  # before any backward
except AttributeError as err:
    print(err)
    #> 'NoneType' object has no attribute 'data'

for step in range(3):  # the modern way
    loss = (w - 3) ** 2
    loss.backward()
    with torch.no_grad():  # not recorded, so the leaf w may change in place
        w -= lr * w.grad
    w.grad = None  # what optimizer.zero_grad() does by default
    print(step, round(w.item(), 4))
    #> 0 1.4
    #> 1 1.72
    #> 2 1.976
