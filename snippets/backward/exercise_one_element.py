"""Exercise: backward() without weights on a one- and a two-element tensor."""
import torch

w = torch.tensor([2.0], requires_grad=True)
y = w * 3
print(y.shape)
#> torch.Size([1])
y.backward()  # one element: the weight 1 is implied
print(w.grad)
#> tensor([3.])

w.grad = None
# any other one-element weight is allowed too
(w * 3).backward(torch.tensor([2.0]))
print(w.grad)
#> tensor([6.])

z = torch.cat([w * 3, w * 4])
print(z.shape)
#> torch.Size([2])
try:
    z.backward()
except RuntimeError as err:
    print(err)
    #> grad can be implicitly created only for scalar outputs
