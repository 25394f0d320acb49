"""In no_grad() a leaf may be changed in place: how parameters are updated."""
import torch

w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)
y = (x + w) * (w + 1)
y.backward()

with torch.no_grad():
    w -= 0.1 * w.grad  # what optimizer.step() does for every parameter
print(w, w.is_leaf, w._version)
#> tensor([0.5000], requires_grad=True) True 1
