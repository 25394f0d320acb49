"""Without create_graph=True the first derivative is a constant to autograd."""
import torch

x = torch.tensor([3.0], requires_grad=True)
y = x**2

first = torch.autograd.grad(y, x)
print(first, first[0].requires_grad)
#> (tensor([6.]),) False
try:
    torch.autograd.grad(first[0], x)
except RuntimeError as err:
    print(err)
    #> element 0 of tensors does not require grad and does not have a grad_fn
