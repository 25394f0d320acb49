"""Only leaves keep .grad, unless a non-leaf asks for it with retain_grad()."""
import textwrap
import warnings

import torch

w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)
a = x + w
b = w + 1
y = a * b
y.backward()

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(w.grad, a.grad)
    #> tensor([5.]) None
# drop the C++ source path
message = str(caught[0].message).split(" (Triggered")[0]
print(textwrap.fill(message, width=76))
#> The .grad attribute of a Tensor that is not a leaf Tensor is being accessed.
#> Its .grad attribute won't be populated during autograd.backward(). If you
#> indeed want the .grad field to be populated for a non-leaf Tensor, use
#> .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by
#> mistake, make sure you access the leaf Tensor instead. See
#> github.com/pytorch/pytorch/pull/30531 for more information.

a = x + w
a.retain_grad()  # keep the gradient of this non-leaf
y = a * (w + 1)
y.backward()
print(a.grad)  # dy/da = b = w + 1
#> tensor([2.])
