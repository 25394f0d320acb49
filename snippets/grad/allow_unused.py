"""An input the output does not depend on: an error, None, or zeros."""
import textwrap

import torch

w = torch.tensor([1.0], requires_grad=True)
unused = torch.tensor([5.0], requires_grad=True)
y = w * 2

try:
    torch.autograd.grad(y, [w, unused], retain_graph=True)
except RuntimeError as err:
    print(textwrap.fill(str(err), 72))
    #> The differentiated Tensor at index 1 appears to not have been used in
    #> the graph. Set allow_unused=True if this is the desired behavior.

print(torch.autograd.grad(y, [w, unused], retain_graph=True, allow_unused=True))
#> (tensor([2.]), None)
print(torch.autograd.grad(y, [w, unused], retain_graph=True,
                          materialize_grads=True))
#> (tensor([2.]), tensor([0.]))

try:
    torch.autograd.grad(y, [w, unused], allow_unused=False,
                        materialize_grads=True)
except ValueError as err:
    print(textwrap.fill(str(err), 72))
    #> Expected allow_unused to be True or not passed when
    #> materialize_grads=True, but got: allow_unused=False.
