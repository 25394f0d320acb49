"""Scalar loss of n parameters: reverse mode needs one pass, forward mode n."""
import torch

n = 100
w = torch.linspace(-1, 1, n, requires_grad=True)
passes = 0


def loss_fn(w):  # L = sum(w sin w), a scalar; counts how often it runs
    global passes
    passes += 1
    return (torch.sin(w) * w).sum()


# Reverse mode: one forward and one backward pass give all n derivatives.
loss_fn(w).backward()
print(passes, w.grad.shape)
#> 1 torch.Size([100])


# Forward mode by hand: every value carries its derivative along direction t.
def loss_and_tangent(w, t):
    global passes
    passes += 1
    s, ds = torch.sin(w), torch.cos(w) * t  # sin and its derivative along t
    p, dp = s * w, ds * w + s * t  # the product rule
    return p.sum(), dp.sum()


passes = 0
grad = torch.empty(n)
with torch.no_grad():
    for j in range(n):  # direction e_j gives dL/dw_j, one number per pass
        e_j = torch.zeros(n)
        e_j[j] = 1.0
        grad[j] = loss_and_tangent(w, e_j)[1]
print(passes, torch.allclose(grad, w.grad))
#> 100 True
