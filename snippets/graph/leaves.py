"""Leaf tensors and the grad_fn that records how each other tensor was made."""
import torch

w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)
a = x + w
b = w + 1
y = a * b

print(w.is_leaf, x.is_leaf, a.is_leaf, b.is_leaf, y.is_leaf)
#> True True False False False
print(w.grad_fn, x.grad_fn)  # no recorded operation produced them
#> None None
print(type(y.grad_fn).__name__, type(a.grad_fn).__name__,
      type(b.grad_fn).__name__)
#> MulBackward0 AddBackward0 AddBackward0
print(isinstance(y.grad_fn, torch.autograd.graph.Node))  # every node is a Node
#> True

# Also leaves: a model's parameters, and anything that does not require grad.
p = torch.nn.Parameter(torch.zeros(2))
c = torch.ones(2) * 3  # an operation, but nothing in it requires grad
with torch.no_grad():
    d = w * 2  # not recorded
print(p.is_leaf, c.is_leaf, d.is_leaf)
#> True True True
