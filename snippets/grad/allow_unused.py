"""An input the output does not depend on: an error, None, or zeros."""
import torch

w = torch.tensor([1.0], requires_grad=True)
unused = torch.tensor([5.0], requires_grad=True)
y = w * 2

try:
    torch.autograd.grad(y, [w, unused], retain_graph=True)
except RuntimeError as err:
    print(str(err).split(".")[0])
    #> The differentiated Tensor at index 1 appears to not have been used in the graph

print(torch.autograd.grad(y, [w, unused], retain_graph=True, allow_unused=True))
#> (tensor([2.]), None)
print(torch.autograd.grad(y, [w, unused], allow_unused=True, materialize_grads=True))
#> (tensor([2.]), tensor([0.]))
