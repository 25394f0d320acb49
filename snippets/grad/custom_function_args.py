"""backward returns one value per input of forward:
None where no gradient is wanted."""
import textwrap

import torch


class Scale(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k):  # k: a plain Python number
        # a non-tensor goes on ctx itself;
        # tensors go through save_for_backward
        ctx.k = k
        return x * k

    @staticmethod
    def backward(ctx, grad_out):
        return grad_out * ctx.k, None  # dL/dx, and nothing for k


x = torch.tensor([1.0, 2.0], requires_grad=True)
Scale.apply(x, 3.0).sum().backward()
print(x.grad)
#> tensor([3., 3.])


class Forgetful(Scale):
    @staticmethod
    def backward(ctx, grad_out):
        return grad_out * ctx.k  # one value for two inputs


try:
    Forgetful.apply(x, 3.0).sum().backward()
except RuntimeError as err:
    print(textwrap.fill(str(err), 72))
    #> function ForgetfulBackward returned an incorrect number of gradients
    #> (expected 2, got 1)
