"""w.grad is None until the first backward, hence the note's failing loop."""
import torch

w = torch.tensor([1.0], requires_grad=True)
lr = 0.1
try:
    loss = (w - 3) ** 2
    # the note's loop zeroes before backward():
    # nothing to zero on its first pass
    w.grad.zero_()
    loss.backward()
except AttributeError as err:
    print(err)
    #> 'NoneType' object has no attribute 'zero_'

# the note's block before the loop, without its update
((w - 3) ** 2).backward()
w.grad.zero_()  # a backward pass has run: the loop's first line now works
print(w.grad)
#> tensor([0.])

w = torch.tensor([1.0], requires_grad=True)
for step in range(3):  # the modern way
    loss = (w - 3) ** 2
    loss.backward()
    with torch.no_grad():  # not recorded, so the leaf w may change in place
        w -= lr * w.grad
    w.grad = None  # after the update; as optimizer.zero_grad() does by default
    print(step, round(w.item(), 4))
    #> 0 1.4
    #> 1 1.72
    #> 2 1.976
