"""torch.optim takes any leaf tensor that requires grad; nn.Parameter is for nn.Module."""
import torch
import torch.nn as nn

w = torch.tensor([1.0, -1.0], requires_grad=True)  # a plain tensor, no nn.Parameter
optimizer = torch.optim.SGD([w], lr=0.1)
(w**2).sum().backward()
optimizer.step()
print(w)
#> tensor([ 0.8000, -0.8000], requires_grad=True)
p = nn.Parameter(torch.zeros(2))
print(isinstance(p, torch.Tensor), p.requires_grad)  # a tensor that requires grad by default
#> True True


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.zeros(2))  # registered by the module
        self.t = torch.zeros(2, requires_grad=True)  # a plain attribute: not registered


print([name for name, _ in Model().named_parameters()])  # what model.parameters() yields
#> ['w']
