"""A leaf requiring grad cannot be changed in place while autograd records."""
import textwrap

import torch

w = torch.tensor([1.0], requires_grad=True)  # no operation yet, no graph
try:
    w.add_(1)
except RuntimeError as err:
    print(textwrap.fill(str(err), 72))
    #> a leaf Variable that requires grad is being used in an in-place
    #> operation.

v = torch.zeros(3, requires_grad=True)
try:
    v[0] = 5  # item assignment is in place too, through a view of v
except RuntimeError as err:
    # break_on_hyphens=False: "in-place" stays whole
    print(textwrap.fill(str(err), 72, break_on_hyphens=False))
    #> a view of a leaf Variable that requires grad is being used in an
    #> in-place operation.
with torch.no_grad():
    v[0] = 5  # allowed: nothing is recorded (see below)
print(v)
#> tensor([5., 0., 0.], requires_grad=True)

# In place means the same memory:
# `a = a + 1` makes a new tensor, `a += 1` does not.
a = torch.ones(1)
obj, mem = id(a), a.data_ptr()  # the Python object, the address of its storage
a = a + 1
print(id(a) == obj, a.data_ptr() == mem)
#> False False
obj, mem = id(a), a.data_ptr()
a += 1
print(id(a) == obj, a.data_ptr() == mem)
#> True True
