"""Exercise: gradcheck finds a wrong backward formula."""
import torch


class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x

    @staticmethod
    def backward(ctx, grad_out):
        (x,) = ctx.saved_tensors
        return grad_out * x  # wrong: d(x^2)/dx = 2x


x = torch.tensor([1.5], dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(Square.apply, (x,), raise_exception=False))
#> False
# what it says, what is right
print(torch.autograd.grad(Square.apply(x), x)[0], 2 * x.detach())
#> tensor([1.5000], dtype=torch.float64) tensor([3.], dtype=torch.float64)
