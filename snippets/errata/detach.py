"""x.detach() shares the data of x but never requires grad."""
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
d = x.detach()
print(x.requires_grad, d.requires_grad, d.grad_fn, d.is_leaf)
#> True False None True
print(d.data_ptr() == x.data_ptr())  # the same memory
#> True

d.requires_grad_()  # if a graph should start here, ask for it explicitly
print(d.requires_grad)
#> True
