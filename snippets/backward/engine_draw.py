"""Draw the engine's backward pass, one figure per node it runs
(hooks as in engine_trace.py)."""
import matplotlib.pyplot as plt
import torch


def nodes_and_edges(root):
    """Walk grad_fn.next_functions from the root: node depths, and edges."""
    depth, edges, frontier = {root: 0}, [], [root]
    while frontier:
        fn = frontier.pop(0)
        for i, (nxt, _) in enumerate(fn.next_functions):
            # a constant such as the 1 in w + 1: no gradient needed
            if nxt is None:
                continue
            edges.append((fn, i, nxt))  # the i-th gradient fn sends goes to nxt
            if nxt not in depth:
                depth[nxt] = depth[fn] + 1
                frontier.append(nxt)
    return depth, edges


def trace(loss, seed, leaves):
    """Hook every node, run loss.backward(seed); return the steps it took."""
    depth, edges = nodes_and_edges(loss.grad_fn)
    steps = []  # one dict per node the engine runs, in the order it runs them
    for fn in depth:
        # prehook: before fn's backward, with the gradient of fn's output ("in")
        fn.register_prehook(lambda grad_outputs, fn=fn: steps.append(
            {"node": fn, "in": grad_outputs[0], "out": ()}))
        # hook: after it, with the gradients fn sends to its inputs ("out")
        fn.register_hook(lambda grad_inputs, grad_outputs:
                         steps[-1].update(out=grad_inputs))
    for name, leaf in leaves.items():
        # post-accumulate hook: after AccumulateGrad has added into leaf.grad
        leaf.register_post_accumulate_grad_hook(
            lambda t, name=name: steps[-1].update(grad=(name, t.grad.clone())))
    loss.backward(seed)
    return depth, edges, steps


def fmt(t):
    values = t.flatten().tolist()
    return (f"{values[0]:g}" if len(values) == 1
            else "[" + ", ".join(f"{v:g}" for v in values) + "]")


def draw(depth, edges, steps, names, maths, seed):
    """One figure per step: the node being run, and the gradient on every
    edge so far."""
    rows = {}
    for fn, d in depth.items():
        rows.setdefault(d, []).append(fn)
    pos = {fn: (2.0 * (i - (len(row) - 1) / 2), -d) for d, row in rows.items()
           for i, fn in enumerate(row)}
    leaf = {fn: type(fn).__name__ == "AccumulateGrad" for fn in depth}
    # half a box's height
    half = {fn: 0.16 if leaf[fn] else 0.3 for fn in depth}
    # the root is at (0, 0)
    root, bottom = next(iter(depth)), max(depth.values())
    for k in range(1, len(steps) + 1):
        done = {s["node"]: s for s in steps[:k]}
        current = steps[k - 1]["node"]
        fig, ax = plt.subplots(figsize=(5, 1.05 * (bottom + 1.5)))
        # the seed enters the root
        arrows = [((0, 0.95), (0, half[root]), fmt(seed), "#1565c0")]
        for src, i, dst in edges:
            (xs, ys), (xd, yd) = pos[src], pos[dst]
            # a slanted arrow leaves and enters off centre
            side = 0.3 * ((xd > xs) - (xd < xs))
            color = (("#e65100" if src is current else "#1565c0")
                     if src in done else "0.7")
            label = fmt(done[src]["out"][i]) if src in done else None
            arrows.append(((xs + side, ys - half[src]),
                           (xd - side, yd + half[dst]), label, color))
        for (x0, y0), (x1, y1), label, color in arrows:
            ax.annotate("", xy=(x1, y1), xytext=(x0, y0), arrowprops=dict(
                arrowstyle="-|>", color=color, ls="-" if label else "--",
                shrinkA=0, shrinkB=0))
            # slanted edges may cross: labels nearer the sender
            t = 0.5 if x0 == x1 else 0.35
            if label:
                ax.text(x0 + t * (x1 - x0), y0 + t * (y1 - y0), label,
                        color=color, fontsize=11, ha="center", va="center",
                        bbox=dict(boxstyle="round,pad=0.1", fc="white",
                                  ec="none"))
        for fn, (px, py) in pos.items():
            if fn is current:
                style = dict(fc="#ffcc80", ec="#e65100", lw=2.2)
            elif fn in done:
                style = dict(fc="#ffe0b2" if leaf[fn] else "#e3f2fd",
                             ec="0.3", lw=1)
            else:
                style = dict(fc="white", ec="0.6", lw=1)
            text = f"AccumulateGrad ({names[fn]})" if leaf[fn] else \
                f"{type(fn).__name__}\n${maths[fn]}$"
            ax.text(px, py, text, ha="center", va="center", fontsize=10,
                    color="0.1" if fn in done else "0.45",
                    bbox=dict(boxstyle="round,pad=0.35", **style))
            # AccumulateGrad has added into the leaf's .grad
            if "grad" in done.get(fn, {}):
                ax.text(px, py - 0.4,
                        f"{names[fn]}.grad = {fmt(done[fn]['grad'][1])}",
                        ha="center", va="center", fontsize=11,
                        family="monospace",
                        color="#e65100" if fn is current else "0.1")
        ax.text(-2.25, 0.8, f"{k} / {len(steps)}", fontsize=11, color="0.3")
        ax.set_xlim(-2.3, 2.3)
        ax.set_ylim(-bottom - 0.55, 0.95)
        ax.axis("off")
        plt.show()


# The running example: y = (x + w)(w + 1), with w = 1, x = 2.
w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)
a = x + w
b = w + 1
y = a * b
names = {y.grad_fn: "y", a.grad_fn: "a", b.grad_fn: "b"}
maths = {y.grad_fn: r"y = a \cdot b", a.grad_fn: "a = x + w",
         b.grad_fn: "b = w + 1"}
for fn, _ in a.grad_fn.next_functions:  # the AccumulateGrad nodes of x and w
    names[fn] = {id(x): "x", id(w): "w"}[id(fn.variable)]

seed = torch.tensor([1.0])  # what y.backward() starts from: dy/dy = 1
depth, edges, steps = trace(y, seed, {"x": x, "w": w})
draw(depth, edges, steps, names, maths, seed)

# The weighted example: loss = (y1, y2) = (a * b, a + b), weights [1, 2].
w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)
a = x + w
b = w + 1
y1 = a * b
y2 = a + b
loss = torch.cat([y1, y2])
names = {loss.grad_fn: "loss", y1.grad_fn: "y1", y2.grad_fn: "y2",
         a.grad_fn: "a", b.grad_fn: "b"}
maths = {loss.grad_fn: r"\mathrm{cat}(y_1, y_2)",
         y1.grad_fn: r"y_1 = a \cdot b", y2.grad_fn: "y_2 = a + b",
         a.grad_fn: "a = x + w", b.grad_fn: "b = w + 1"}
for fn, _ in a.grad_fn.next_functions:
    names[fn] = {id(x): "x", id(w): "w"}[id(fn.variable)]

seed = torch.tensor([1.0, 2.0])
depth, edges, steps = trace(loss, seed, {"x": x, "w": w})
draw(depth, edges, steps, names, maths, seed)
