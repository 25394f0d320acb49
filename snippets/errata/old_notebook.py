"""What the old notebook did, on today's torch."""
import textwrap

import torch
from torch.autograd import Variable

# still runs, but is a no-op wrapper
v = Variable(torch.tensor([1.0]), requires_grad=True)
print(type(v).__name__, v.requires_grad)
#> Tensor True

# a 0-d tensor
correct = torch.tensor([1.0, 0.0, 1.0]).eq(torch.tensor([1.0, 1.0, 1.0])).sum()
try:
    correct.data[0]
except IndexError as err:
    print(textwrap.fill(str(err), 72))
    #> invalid index of a 0-dim tensor. Use `tensor.item()` in Python or
    #> `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number
print(correct.item())
#> 2

# an integer tensor, as (mask == y).sum() gives: 88 of 100 points
correct = torch.tensor(88)
# what `/` did in PyTorch 0.4: drop the fraction
print(torch.div(correct, 100, rounding_mode="trunc"))
#> tensor(0)
# what `/` does today: true division
print(correct / 100)
#> tensor(0.8800)
