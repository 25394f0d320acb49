""".detach() and .data share memory; misuse is caught only through .detach()."""
import textwrap

import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
out = x.sigmoid()  # backward of sigmoid uses its own output: s * (1 - s)
# both share out's memory
print(out.detach().data_ptr() == out.data_ptr(),
      out.data.data_ptr() == out.data_ptr())
#> True True
print(out.detach().requires_grad, out.data.requires_grad)
#> False False
out.data.zero_()  # change the saved output behind autograd's back
out.sum().backward()
print(x.grad)  # silently wrong: s * (1 - s) with s = 0
#> tensor([0., 0.])

x = torch.tensor([1.0, 2.0], requires_grad=True)
out = x.sigmoid()
out.detach().zero_()  # the same change through detach() is recorded
try:
    out.sum().backward()
except RuntimeError as err:
    print(textwrap.fill(str(err).split(" Hint:")[0], width=72))
    #> one of the variables needed for gradient computation has been modified
    #> by an inplace operation: [torch.FloatTensor [2]], which is output 0 of
    #> Sigmoid, is at version 1; expected version 0 instead.
