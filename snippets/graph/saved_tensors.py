"""What the nodes of the running example keep for the backward pass."""
import textwrap

import torch

w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)
a = x + w
b = w + 1
y = a * b

# MulBackward0 keeps both factors: dy/da = b, dy/db = a.
print(y.grad_fn._saved_self is a, y.grad_fn._saved_other is b)
#> True True
# AddBackward0 keeps only the number alpha of x + alpha * w: no tensor at all.
print(a.grad_fn._saved_alpha, b.grad_fn._saved_alpha)
#> 1 1

y.backward()  # uses the saved a and b, then frees them
try:
    y.grad_fn._saved_self
except RuntimeError as err:
    print(textwrap.fill(str(err).split(".")[0], 72))
    #> Trying to backward through the graph a second time (or directly access
    #> saved tensors after they have already been freed)
