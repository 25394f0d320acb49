"""Autograd records an in-place operation by rewriting the tensor's history."""
import torch

w = torch.tensor([1.0], requires_grad=True)
b = w + 1
print(type(b.grad_fn).__name__, b.is_leaf)
#> AddBackward0 False
b.mul_(2)  # b is now the result of a multiplication
print(type(b.grad_fn).__name__, b.is_leaf)
#> MulBackward0 False
