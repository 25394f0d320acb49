"""Exercise: y = w * w uses w twice; how many edges, to which nodes?"""
import torch

w = torch.tensor([3.0], requires_grad=True)
y = w * w
edges = y.grad_fn.next_functions
print([type(fn).__name__ for fn, _ in edges], edges[0][0] is edges[1][0])
#> ['AccumulateGrad', 'AccumulateGrad'] True
y.backward()
print(w.grad)  # w (from one edge) + w (from the other) = 2w
#> tensor([6.])
