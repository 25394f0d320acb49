"""What torch's autograd does that a small scalar engine does not."""
# --8<-- [start:tensors]
import textwrap
import warnings

import torch

# One node for a whole tensor: three products, one MulBackward0.
w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = w * w
print(type(y.grad_fn).__name__)
#> MulBackward0
y.backward(gradient=torch.tensor([1.0, 1.0, 1.0]))  # a vector-Jacobian product
print(w.grad)  # dy_i/dw_i = 2 w_i
#> tensor([2., 4., 6.])
# --8<-- [end:tensors]

# --8<-- [start:freed]
# The values a node saved are freed after backward: a second pass fails.
w = torch.tensor(1.0, requires_grad=True)
x = torch.tensor(2.0, requires_grad=True)
y = (x + w) * (w + 1)
y.backward()
try:
    y.backward()
except RuntimeError as err:
    print(textwrap.fill(str(err).split(". ")[0], width=72))
    #> Trying to backward through the graph a second time (or directly access
    #> saved tensors after they have already been freed)
# --8<-- [end:freed]

# --8<-- [start:version]
# A saved tensor changed in place is caught by its version counter.
w = torch.tensor(1.0, requires_grad=True)
x = torch.tensor(2.0, requires_grad=True)
y = w * x  # saves w, since dy/dx = w
with torch.no_grad():
    w.add_(10)
try:
    y.backward()
except RuntimeError as err:
    print(textwrap.fill(str(err).split(". ")[0], width=72))
    #> one of the variables needed for gradient computation has been modified
    #> by an inplace operation: [torch.FloatTensor []] is at version 1;
    #> expected version 0 instead
# --8<-- [end:version]

# --8<-- [start:no_grad]
# Under no_grad nothing is recorded: no graph, no grad_fn.
with torch.no_grad():
    z = w * 2
print(z.requires_grad, z.grad_fn)
#> False None
# --8<-- [end:no_grad]

# --8<-- [start:leaves]
# Only leaves keep a .grad: AccumulateGrad adds to it;
# intermediate tensors let it pass.
w = torch.tensor(1.0, requires_grad=True)
x = torch.tensor(2.0, requires_grad=True)
a = x + w
y = a * (w + 1)
print(w.is_leaf, a.is_leaf)
#> True False
node = a.grad_fn.next_functions[1][0]  # a = x + w: the node for its input w
print(type(node).__name__, node.variable is w)
#> AccumulateGrad True
y.backward()
print(w.grad)
#> tensor(5.)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(a.grad)
    #> None
print(str(caught[0].message).split(". ")[0])
#> The .grad attribute of a Tensor that is not a leaf Tensor is being accessed
# --8<-- [end:leaves]

# --8<-- [start:order]
# The C++ engine runs a node once every gradient it waits for has arrived.
w = torch.tensor(1.0, requires_grad=True)
x = torch.tensor(2.0, requires_grad=True)
a = x + w
b = w + 1
y = a * b
names = {y.grad_fn: "y", a.grad_fn: "a", b.grad_fn: "b"}
for node, _ in a.grad_fn.next_functions:  # the AccumulateGrad nodes of x and w
    names[node] = "x" if node.variable is x else "w"
ran = []
for node in names:
    node.register_prehook(lambda grad_outputs, node=node: ran.append(
        f"{type(node).__name__} ({names[node]})"))
y.backward()
print(*ran, sep="\n")
#> MulBackward0 (y)
#> AddBackward0 (b)
#> AddBackward0 (a)
#> AccumulateGrad (x)
#> AccumulateGrad (w)
# --8<-- [end:order]
