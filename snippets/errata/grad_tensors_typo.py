"""A misspelt variable name is a NameError, not a different weighting."""
import torch

w = torch.tensor([1.0], requires_grad=True)
loss = torch.cat([w * 2, w * 3])
grad_tensors = torch.tensor([1.0, 1.0])
try:
    torch.autograd.backward(loss, grad_tensors=gtad_tensors)  # noqa: F821
except NameError as err:
    print(err)
    #> name 'gtad_tensors' is not defined

torch.autograd.backward(loss, grad_tensors=grad_tensors)
print(w.grad)
#> tensor([5.])
