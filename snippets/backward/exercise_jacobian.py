"""Exercise: how many backward passes does
torch.autograd.functional.jacobian run?"""
import torch

passes = 0


def count(grad):  # a hook on the output: runs once per backward pass through it
    global passes
    passes += 1


def scalar_loss(w):  # R^100 -> R
    out = (torch.sin(w) * w).sum()
    out.register_hook(count)
    return out


def elementwise(w):  # R^100 -> R^100
    out = torch.sin(w) * w
    out.register_hook(count)
    return out


w = torch.linspace(-1, 1, 100)
for f in (scalar_loss, elementwise):
    passes = 0
    # one backward pass per output element
    J = torch.autograd.functional.jacobian(f, w)
    print(f.__name__, tuple(J.shape), passes)
    #> scalar_loss (100,) 1
    #> elementwise (100, 100) 100

J = torch.autograd.functional.jacobian(scalar_loss, w)
passes = 0
w.requires_grad_()
# the gradient of a scalar loss: one pass, as in training
scalar_loss(w).backward()
print(passes, torch.equal(w.grad, J))
#> 1 True
