"""What the old notebook did, on today's torch."""
import torch
from torch.autograd import Variable

v = Variable(torch.tensor([1.0]), requires_grad=True)  # still runs, but is a no-op wrapper
print(type(v).__name__, v.requires_grad)
#> Tensor True

loss = torch.tensor(0.25)  # a 0-d tensor, as losses are
try:
    loss.data[0]
except IndexError as err:
    print(err)
    #> invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number
print(loss.item())
#> 0.25

correct, total = 198, 200
print(correct // total, correct / total)  # integer division printed 0 as accuracy
#> 0 0.99
