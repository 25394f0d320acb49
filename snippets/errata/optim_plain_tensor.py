"""torch.optim takes any leaf tensor that requires grad;
nn.Parameter is for nn.Module."""
import torch
import torch.nn as nn

# a plain tensor, no nn.Parameter
w = torch.tensor([1.0, -1.0], requires_grad=True)
optimizer = torch.optim.SGD([w], lr=0.1)
(w**2).sum().backward()
optimizer.step()
print(w)
#> tensor([ 0.8000, -0.8000], requires_grad=True)
p = nn.Parameter(torch.zeros(2))
# a tensor that requires grad by default
print(isinstance(p, torch.Tensor), p.requires_grad)
#> True True


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        # registered by the module
        self.w = nn.Parameter(torch.zeros(2))
        # a plain attribute: not registered
        self.t = torch.zeros(2, requires_grad=True)


# what model.parameters() yields
print([name for name, _ in Model().named_parameters()])
#> ['w']
