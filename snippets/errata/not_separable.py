"""Overlapping clouds: logistic regression still trains; its weights settle."""
import torch
import torch.nn.functional as F

torch.manual_seed(0)
n = 100
cloud0 = torch.normal(0.5 * torch.ones(n, 2), 1)  # the clouds overlap
cloud1 = torch.normal(-0.5 * torch.ones(n, 2), 1)
x = torch.cat((cloud0, cloud1))
y = torch.cat((torch.zeros(n), torch.ones(n)))

w = torch.zeros(2, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
for t in range(1, 1001):
    z = x @ w + b
    loss = F.binary_cross_entropy_with_logits(z, y)
    loss.backward()
    with torch.no_grad():
        w -= 0.5 * w.grad
        b -= 0.5 * b.grad
    w.grad, b.grad = None, None
    if t in (250, 500, 1000):
        acc = ((z >= 0).float() == y).float().mean().item()
        print(f"t = {t:4d}  loss = {loss.item():.4f}  acc = {acc:.2f}  "
              f"|w| = {w.norm().item():.4f}")
        #> t =  250  loss = 0.5101  acc = 0.77  |w| = 1.2306
        #> t =  500  loss = 0.5101  acc = 0.77  |w| = 1.2306
        #> t = 1000  loss = 0.5101  acc = 0.77  |w| = 1.2306
