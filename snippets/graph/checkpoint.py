"""Checkpointing: keep only a block's input,
and run the block again in the backward pass."""
import torch
from torch.utils.checkpoint import checkpoint

torch.manual_seed(0)
x = torch.randn(500, 500, requires_grad=True)
saved = []


def pack(t):  # as before: the size of every tensor a node saves
    saved.append(t.nbytes)
    return t


def block(t):  # four steps; each node saves its own result, as large as t
    return t.sigmoid().exp().tanh().sigmoid()


with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
    y = block(x)
    print(len(saved), sum(saved))
    #> 4 4000000
    y.sum().backward()
    plain, x.grad = x.grad, None

    saved.clear()
    # the same nodes, but they keep x only
    y = checkpoint(block, x, use_reentrant=False)
    print(len(saved), sum(saved))
    #> 1 1000000
    y.sum().backward()  # runs block(x) again to get back what the nodes need
print(torch.equal(x.grad, plain))
#> True
