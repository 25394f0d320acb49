"""A dynamic graph is recorded while Python runs, so control flow shapes it."""
import torch


def f(x):
    y = x
    while y.norm() < 10:  # how many steps depends on the data
        y = y * 2
    return y.sum() if x.sum() > 0 else -y.sum()


def ops(fn):
    """The operations recorded from fn back to the leaf, outermost first."""
    names = []
    while fn is not None and type(fn).__name__ != "AccumulateGrad":
        names.append(type(fn).__name__.removesuffix("Backward0"))
        fn = fn.next_functions[0][0]
    return names


for start in ([1.0, 1.0], [-3.0, 3.0]):
    x = torch.tensor(start, requires_grad=True)
    out = f(x)
    out.backward()
    print(start, ops(out.grad_fn), x.grad)
    #> [1.0, 1.0] ['Sum', 'Mul', 'Mul', 'Mul'] tensor([8., 8.])
    #> [-3.0, 3.0] ['Neg', 'Sum', 'Mul', 'Mul'] tensor([-4., -4.])
