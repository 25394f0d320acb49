"""Exercise: w.add_(1) is refused; what about w.detach().add_(1)?"""
import textwrap

import torch

w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)
y = w * x  # saves w, since dy/dx = w

w.detach().add_(1)  # the result does not require grad: allowed
print(w, w.is_leaf, w._version)  # same memory, same version counter
#> tensor([2.], requires_grad=True) True 1
try:
    y.backward()
except RuntimeError as err:
    print(textwrap.fill(str(err).split(":")[0], 72))
    #> one of the variables needed for gradient computation has been modified
    #> by an inplace operation
