"""backward(create_graph=True) records the gradient too, and warns:
grad() is better."""
import textwrap
import warnings

import torch

w = torch.tensor([1.0], requires_grad=True)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    (w**3).backward(create_graph=True)
# 3 w^2, with a grad_fn: the copy into .grad is its last recorded step
print(w.grad)
#> tensor([3.], grad_fn=<CopyBackwards>)
# so it can be differentiated again: 6 w
print(torch.autograd.grad(w.grad, w))
#> (tensor([6.]),)
print(caught[0].category.__name__)
#> UserWarning
first_two = ". ".join(str(caught[0].message).split(". ")[:2]) + "."
print(textwrap.fill(first_two, width=76))
#> Using backward() with create_graph=True will create a reference cycle
#> between the parameter and its gradient which can cause a memory leak. We
#> recommend using autograd.grad when creating the graph to avoid this.
