"""A scalar loss of n parameters: reverse mode needs one pass, forward mode n."""
import torch
from torch.autograd import forward_ad

n = 100
w = torch.linspace(-1, 1, n, requires_grad=True)
passes = 0


def loss_fn(w):  # a scalar loss; counts how often it is run
    global passes
    passes += 1
    return (torch.sin(w) * w).sum()


# Reverse mode: one forward pass, then one backward pass gives all n derivatives.
loss_fn(w).backward()
print(passes, w.grad.shape)
#> 1 torch.Size([100])

# Forward mode: a pass pushes one direction e_j forward and yields one dL/dw_j.
passes = 0
grad = torch.empty(n)
with forward_ad.dual_level():
    for j in range(n):
        e_j = torch.zeros(n)
        e_j[j] = 1.0
        out = loss_fn(forward_ad.make_dual(w.detach(), e_j))
        grad[j] = forward_ad.unpack_dual(out).tangent
print(passes, torch.allclose(grad, w.grad))
#> 100 True
