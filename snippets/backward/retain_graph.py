"""A second backward through the same graph needs retain_graph=True."""
import textwrap

import torch

w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)
y = (x + w) * (w + 1)

y.backward()
try:
    y.backward()  # the saved values were freed by the first call
except RuntimeError as err:
    print(textwrap.fill(str(err), width=72))
    #> Trying to backward through the graph a second time (or directly access
    #> saved tensors after they have already been freed). Saved intermediate
    #> values of the graph are freed when you call .backward() or
    #> autograd.grad(). Specify retain_graph=True if you need to backward
    #> through the graph a second time or if you need to access saved tensors
    #> after calling backward.

w.grad = None
y = (x + w) * (w + 1)
y.backward(retain_graph=True)  # keep the graph alive
y.backward()  # works, and adds to w.grad: 5 + 5
print(w.grad)
#> tensor([10.])
