"""Today's text of the leaf in-place error; it needs no graph at all."""
import textwrap

import torch

w = torch.tensor([1.0], requires_grad=True)  # nothing computed from w yet
try:
    w.add_(1)
except RuntimeError as err:
    print(textwrap.fill(str(err), 72))
    #> a leaf Variable that requires grad is being used in an in-place
    #> operation.

x = torch.tensor([2.0], requires_grad=True)
a = x + w
b = w + 1
y = a * b
# the product saved a and b
print(y.grad_fn._saved_self is a, y.grad_fn._saved_other is b)
#> True True
with torch.no_grad():
    w.add_(1)  # allowed here; w is not a saved tensor of this graph
y.backward()
print(w.grad)  # dy/dw = b + a at w = 1, x = 2
#> tensor([5.])
