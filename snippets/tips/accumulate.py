"""Gradients add up across backward passes until you zero them."""
import torch

w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)

for _ in range(4):
    y = (x + w) * (w + 1)
    y.backward()
    print(w.grad)
    #> tensor([5.])
    #> tensor([10.])
    #> tensor([15.])
    #> tensor([20.])

w.grad = None  # start again
print(w.grad)  # as before any backward pass: there is no gradient tensor
#> None
try:
    w.grad.zero_()
except AttributeError as err:
    print(err)
    #> 'NoneType' object has no attribute 'zero_'

for _ in range(4):
    y = (x + w) * (w + 1)
    y.backward()
    print(w.grad)
    #> tensor([5.])
    #> tensor([5.])
    #> tensor([5.])
    #> tensor([5.])
    w.grad.zero_()  # by hand; optimizer.zero_grad() sets .grad to None instead
