"""backward() on a loss with more than one element needs weights."""
import torch

w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)
a = x + w
b = w + 1
loss = torch.cat([a * b, a + b])
print(loss.shape)
#> torch.Size([2])

try:
    loss.backward()
except RuntimeError as err:
    print(err)
    #> grad can be implicitly created only for scalar outputs

loss.sum().backward()  # sum() is the same as all-ones weights
print(w.grad)
#> tensor([7.])
