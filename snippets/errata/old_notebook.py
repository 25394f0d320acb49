"""What the old notebook did, on today's torch."""
import textwrap

import torch
from torch.autograd import Variable

v = Variable(torch.tensor([1.0]), requires_grad=True)  # still runs, but is a no-op wrapper
print(type(v).__name__, v.requires_grad)
#> Tensor True

correct = torch.tensor([1.0, 0.0, 1.0]).eq(torch.tensor([1.0, 1.0, 1.0])).sum()  # 0-d
try:
    correct.data[0]
except IndexError as err:
    print(textwrap.fill(str(err), 72))
    #> invalid index of a 0-dim tensor. Use `tensor.item()` in Python or
    #> `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number
print(correct.item())
#> 2

correct = torch.tensor(88)  # an integer tensor, as (mask == y).sum() gives: 88 of 100 points
print(torch.div(correct, 100, rounding_mode="trunc"))  # what `/` did in PyTorch 0.4: drop the fraction
#> tensor(0)
print(correct / 100)  # what `/` does today: true division
#> tensor(0.8800)
