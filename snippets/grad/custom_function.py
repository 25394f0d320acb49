"""A differentiable operation of our own: the sigmoid,
with sigma' = sigma (1 - sigma)."""
import torch


class MySigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, z):
        s = 1 / (1 + torch.exp(-z))
        ctx.save_for_backward(s)  # backward needs sigma(z): keep it
        return s

    @staticmethod
    def backward(ctx, grad_out):  # grad_out = dL/ds, shaped like the output
        (s,) = ctx.saved_tensors
        return grad_out * s * (1 - s)  # dL/dz, one gradient per forward input


z = torch.tensor([-2.0, 0.0, 3.0], dtype=torch.float64, requires_grad=True)
s = MySigmoid.apply(z)  # call apply, never forward itself
print(type(s.grad_fn).__name__,
      isinstance(s.grad_fn, torch.autograd.graph.Node))
#> MySigmoidBackward True

s.sum().backward()
print(z.grad)
#> tensor([0.1050, 0.2500, 0.0452], dtype=torch.float64)
print(torch.allclose(s, torch.sigmoid(z)), torch.allclose(z.grad, s * (1 - s)))
#> True True
print(torch.autograd.gradcheck(MySigmoid.apply, (z,)))
#> True
