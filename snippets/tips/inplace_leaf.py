"""A leaf that requires grad cannot be changed in place while autograd records."""
import torch

w = torch.tensor([1.0], requires_grad=True)  # no operation yet, no graph
try:
    w.add_(1)
except RuntimeError as err:
    print(err)
    #> a leaf Variable that requires grad is being used in an in-place operation.

# In place means the same memory: `a = a + 1` makes a new tensor, `a += 1` does not.
a = torch.ones(1)
before = id(a)
a = a + 1
print(id(a) == before)
#> False
before = id(a)
a += 1
print(id(a) == before)
#> True
