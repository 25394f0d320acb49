"""The keyword is requires_grad; required_grad is rejected."""
import torch

try:
    torch.tensor([1.0], required_grad=True)
except TypeError as err:
    print(err)
    #> tensor() got an unexpected keyword argument 'required_grad'

w = torch.tensor([1.0], requires_grad=True)
print(w.requires_grad)
#> True
