"""Draw the graph of y = (x + w)(w + 1) from autograd's own links.

The nodes are the Node objects autograd keeps (grad_fn, AccumulateGrad);
each is labelled with the tensor it belongs to."""
import matplotlib.pyplot as plt
import torch

w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)
a = x + w
b = w + 1
y = a * b
names = {y.grad_fn: "y", a.grad_fn: "a", b.grad_fn: "b"}
leaves = {id(w): "w", id(x): "x"}


def label(fn):
    # a leaf: the node holds the tensor
    if type(fn).__name__ == "AccumulateGrad":
        return f"{leaves[id(fn.variable)]}: AccumulateGrad"
    return f"{names[fn]}: {type(fn).__name__}"


# Walk grad_fn.next_functions from y back to the leaves, one depth at a time.
edges, depth, frontier = [], {y.grad_fn: 0}, [y.grad_fn]
while frontier:
    fn = frontier.pop(0)
    for nxt, _ in fn.next_functions:
        if nxt is None:
            continue
        edges.append((fn, nxt))
        if nxt not in depth:
            depth[nxt] = depth[fn] + 1
            frontier.append(nxt)

for src, dst in edges:
    print(f"{label(src)} -> {label(dst)}")
    #> y: MulBackward0 -> a: AddBackward0
    #> y: MulBackward0 -> b: AddBackward0
    #> a: AddBackward0 -> x: AccumulateGrad
    #> a: AddBackward0 -> w: AccumulateGrad
    #> b: AddBackward0 -> w: AccumulateGrad

# Lay nodes out in rows by depth, leaves at the bottom.
rows = {}
for fn, d in depth.items():
    rows.setdefault(d, []).append(fn)
pos = {fn: (1.7 * (i - (len(row) - 1) / 2), -d) for d, row in rows.items()
       for i, fn in enumerate(row)}

fig, ax = plt.subplots(figsize=(6, 3.4))
boxes = {}
for fn, (px, py) in pos.items():
    leaf = type(fn).__name__ == "AccumulateGrad"
    box = dict(boxstyle="round,pad=0.5", fc="#ffe0b2" if leaf else "#e3f2fd",
               ec="0.3")
    boxes[fn] = ax.text(px, py, label(fn), ha="center", va="center",
                        fontsize=11, bbox=box)
# arrows in the backward direction, from box edge to box edge
for src, dst in edges:
    edge = dict(patchA=boxes[src].get_bbox_patch(),
                patchB=boxes[dst].get_bbox_patch())
    ax.annotate("", xy=pos[dst], xytext=pos[src],
                arrowprops=dict(arrowstyle="-|>", color="0.35", shrinkA=2,
                                shrinkB=2, **edge))
ax.set_xlim(-2.0, 2.0)
ax.set_ylim(-max(depth.values()) - 0.5, 0.5)
ax.axis("off")
plt.show()
