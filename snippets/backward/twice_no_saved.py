"""A graph that saved no tensor can be walked back twice."""
import torch

w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)
y = (x + w) + (w + 1)  # only additions: their nodes save no tensor

y.backward()
y.backward()  # nothing this needs was freed
print(w.grad)  # dy/dw = 2, twice
#> tensor([4.])
