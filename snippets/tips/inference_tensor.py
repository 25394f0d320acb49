"""Tensors made in inference_mode cannot enter autograd or change outside it."""
import textwrap

import torch

w = torch.tensor([1.0], requires_grad=True)
with torch.inference_mode():
    z = torch.tensor([2.0]) * 3
print(z.is_inference())
#> True

try:
    y = w * z  # the product would have to save z for dy/dw
except RuntimeError as err:
    print(textwrap.fill(str(err), width=72))
    #> Inference tensors cannot be saved for backward. Please do not use
    #> Tensors created in inference mode in computation tracked by autograd. To
    #> work around this, you can make a clone to get a normal tensor and use it
    #> in autograd, or use `torch.no_grad()` instead of
    #> `torch.inference_mode()`.
y = w * z.clone()  # a clone is an ordinary tensor
print(y)
#> tensor([6.], grad_fn=<MulBackward0>)

try:
    z.add_(1)
except RuntimeError as err:
    print(textwrap.fill(str(err).split(".You")[0] + ".", width=72))
    #> Inplace update to inference tensor outside InferenceMode is not allowed.
