"""Backward needs values saved in the forward pass; changing them is caught."""
import textwrap

import torch

w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)
a = x + w
b = w + 1
y = a * b  # the product saves a and b: dy/da = b, dy/db = a

print(b._version)
#> 0
b.add_(1)  # change a saved value in place
print(b._version)
#> 1
try:
    y.backward()
except RuntimeError as err:
    print(textwrap.fill(str(err).split(" Hint:")[0], width=76))
    #> one of the variables needed for gradient computation has been modified by an
    #> inplace operation: [torch.FloatTensor [1]], which is output 0 of Add, is at
    #> version 1; expected version 0 instead.
