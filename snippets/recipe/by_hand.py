"""The same training by hand: plain tensors instead of nn.Module,
three lines instead of the optimizer."""
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(10)  # the same data as the recipe, drawn in the same order
n, mean, shift, k = 100, 1.7, 1.0, 80
cloud0 = torch.normal(mean * torch.ones(n, 2), 1) + shift
cloud1 = torch.normal(-mean * torch.ones(n, 2), 1) + shift
train_x = torch.cat((cloud0[:k], cloud1[:k]))
train_y = torch.cat((torch.zeros(k), torch.ones(k)))

linear = nn.Linear(2, 1)  # used only to draw the recipe's initial values
# w = (w1, w2) and b, shape (1,): plain leaf tensors
w = linear.weight.detach()[0].clone().requires_grad_()
b = linear.bias.detach().clone().requires_grad_()
lr, mu = 0.01, 0.9
# one v per parameter, 0 at the start
velocity = [torch.zeros_like(w), torch.zeros_like(b)]

for t in range(1000):
    z = train_x @ w + b  # forward: one score per point
    # what nn.BCEWithLogitsLoss calls
    loss = F.binary_cross_entropy_with_logits(z, train_y)
    if t % 20 == 0:
        acc = ((z >= 0).float() == train_y).float().mean().item()
        print(f"t = {t:3d}  loss = {loss.item():.4f}  acc = {acc:.3f}")
        #> t =   0  loss = 0.3943  acc = 0.913
        #> t =  20  loss = 0.1996  acc = 0.950
        #> t =  40  loss = 0.1403  acc = 0.944
        #> t =  60  loss = 0.1168  acc = 0.950
        #> t =  80  loss = 0.1025  acc = 0.975
        #> t = 100  loss = 0.0923  acc = 0.981
        #> t = 120  loss = 0.0844  acc = 0.988
        #> t = 140  loss = 0.0780  acc = 0.988
        #> t = 160  loss = 0.0728  acc = 0.988
        #> t = 180  loss = 0.0684  acc = 0.988
        #> t = 200  loss = 0.0647  acc = 0.988
        #> t = 220  loss = 0.0614  acc = 0.988
        #> t = 240  loss = 0.0586  acc = 0.988
        #> t = 260  loss = 0.0561  acc = 0.988
        #> t = 280  loss = 0.0538  acc = 0.988
        #> t = 300  loss = 0.0518  acc = 0.988
        #> t = 320  loss = 0.0500  acc = 0.994
        if acc >= 0.99:
            break
    loss.backward()
    # in-place change of a leaf: allowed only while not recording
    with torch.no_grad():
        for p, v in zip((w, b), velocity):
            v.mul_(mu).add_(p.grad)  # v <- mu v + g (v = g on the first step)
            p -= lr * v  # p <- p - lr v
            p.grad = None  # what optimizer.zero_grad() does
print(f"w = ({w[0]:.4f}, {w[1]:.4f})  b = {b.item():.4f}")
#> w = (-1.4364, -1.3959)  b = 1.6995

print(w.is_leaf, w.requires_grad, w.grad_fn)  # still a leaf after every update
#> True True None
