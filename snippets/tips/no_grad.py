"""Turn recording off: no_grad and inference_mode results need no gradient."""
import torch

w = torch.tensor([1.0], requires_grad=True)

with torch.no_grad():
    y = w * 2
print(y.requires_grad, y.grad_fn)
#> False None

with torch.no_grad():
    # still honoured: b is a leaf that requires grad
    b = torch.zeros(1, requires_grad=True)
print(b.requires_grad, b.is_leaf)
#> True True

with torch.inference_mode():
    z = w * 2
print(z.requires_grad, z.is_inference())
#> False True
