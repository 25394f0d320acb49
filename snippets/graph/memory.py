"""Saved tensors cost memory while the graph lives;
under no_grad nothing is saved."""
import torch

torch.manual_seed(0)
x = torch.randn(500, 500, requires_grad=True)  # 4 bytes per float32 value

saved = []  # the size of every tensor a node saves for the backward pass


def pack(t):  # called each time autograd saves a tensor
    saved.append(t.nbytes)
    return t


with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
    y = x.sigmoid().exp()  # sigmoid and exp each keep their result
    print(type(y.grad_fn).__name__, len(saved), sum(saved))
    #> ExpBackward0 2 2000000

    saved.clear()
    with torch.no_grad():  # the same forward pass, nothing recorded
        z = x.sigmoid().exp()
    print(z.grad_fn, len(saved), sum(saved))
    #> None 0 0
