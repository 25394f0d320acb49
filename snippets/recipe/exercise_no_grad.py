"""Exercise: the manual update without torch.no_grad()."""
import textwrap

import torch

x = torch.tensor([2.0, 3.0])
w = torch.tensor([1.0, -1.0], requires_grad=True)
loss = (x @ w - 1) ** 2
loss.backward()

try:
    # autograd is recording: an in-place change of a leaf is refused
    w -= 0.1 * w.grad
except RuntimeError as err:
    print(textwrap.fill(str(err), 72))
    #> a leaf Variable that requires grad is being used in an in-place
    #> operation.

with torch.no_grad():  # not recording: the same line is allowed
    w -= 0.1 * w.grad
print(w, w.is_leaf)
#> tensor([1.8000, 0.2000], requires_grad=True) True
