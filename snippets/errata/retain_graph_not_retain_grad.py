"""backward() takes retain_graph; retain_grad() is a tensor method."""
import torch

w = torch.tensor([1.0], requires_grad=True)
y = w * 2
try:
    y.backward(retain_grad=True)
except TypeError as err:
    print(err)
    #> Tensor.backward() got an unexpected keyword argument 'retain_grad'

y.backward(retain_graph=True)  # keeps the graph for a second pass
y.backward()
print(w.grad)
#> tensor([4.])
