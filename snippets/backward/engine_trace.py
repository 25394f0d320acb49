"""Watch autograd's engine run backward: hooks print each node as it runs."""
import torch


def fmt(t):  # a gradient as short text: 5 or [1, 2]
    values = [f"{v:g}" for v in t.flatten().tolist()]
    return values[0] if len(values) == 1 else "[" + ", ".join(values) + "]"


def watch(tensors):
    """Hook every node below the first tensor; each prints when it runs."""
    # the tensor a node produced, or the leaf an AccumulateGrad feeds
    def name(fn):
        return next(k for k, t in tensors.items()
                    if t.grad_fn is fn or getattr(fn, "variable", None) is t)

    seen, todo = set(), [next(iter(tensors.values())).grad_fn]
    while todo:
        fn = todo.pop()
        if fn is None or fn in seen:  # None: a constant such as the 1 in w + 1
            continue
        seen.add(fn)
        todo += [nxt for nxt, _ in fn.next_functions]
        # before fn runs: the gradient of its output that it has received
        fn.register_prehook(lambda g_out, fn=fn: print(
            f"{type(fn).__name__} ({name(fn)})  in: {fmt(g_out[0])}", end=""))
        # after fn runs: the gradient it sends along each edge
        if fn.next_functions:
            fn.register_hook(lambda g_in, g_out, fn=fn: print(
                "  out:", ", ".join(
                    f"{fmt(g)} -> {name(nxt)}"
                    for g, (nxt, _) in zip(g_in, fn.next_functions)
                    if nxt is not None)))
    # leaves: after AccumulateGrad has added into .grad
    for k, t in tensors.items():
        if t.is_leaf:
            t.register_post_accumulate_grad_hook(
                lambda t, k=k: print(f"  {k}.grad = {fmt(t.grad)}"))


w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)
a = x + w
b = w + 1
y = a * b
watch({"y": y, "a": a, "b": b, "x": x, "w": w})
y.backward()
#> MulBackward0 (y)  in: 1  out: 2 -> a, 3 -> b
#> AddBackward0 (b)  in: 3  out: 3 -> w
#> AddBackward0 (a)  in: 2  out: 2 -> x, 2 -> w
#> AccumulateGrad (x)  in: 2  x.grad = 2
#> AccumulateGrad (w)  in: 5  w.grad = 5

# The weighted example: loss = (a * b, a + b), weights v = (1, 2).
w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)
a = x + w
b = w + 1
y1 = a * b
y2 = a + b
loss = torch.cat([y1, y2])
watch({"loss": loss, "y1": y1, "y2": y2, "a": a, "b": b, "x": x, "w": w})
loss.backward(torch.tensor([1.0, 2.0]))
#> CatBackward0 (loss)  in: [1, 2]  out: 1 -> y1, 2 -> y2
#> AddBackward0 (y2)  in: 2  out: 2 -> a, 2 -> b
#> MulBackward0 (y1)  in: 1  out: 2 -> a, 3 -> b
#> AddBackward0 (b)  in: 5  out: 5 -> w
#> AddBackward0 (a)  in: 4  out: 4 -> x, 4 -> w
#> AccumulateGrad (x)  in: 4  x.grad = 4
#> AccumulateGrad (w)  in: 9  w.grad = 9

# Compute b before a: of two ready nodes, the one created later runs first.
w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)
b = w + 1
a = x + w
y = a * b
watch({"y": y, "a": a, "b": b, "x": x, "w": w})
y.backward()
#> MulBackward0 (y)  in: 1  out: 2 -> a, 3 -> b
#> AddBackward0 (a)  in: 2  out: 2 -> x, 2 -> w
#> AccumulateGrad (x)  in: 2  x.grad = 2
#> AddBackward0 (b)  in: 3  out: 3 -> w
#> AccumulateGrad (w)  in: 5  w.grad = 5
