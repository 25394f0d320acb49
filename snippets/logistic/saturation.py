"""Why sigmoid + BCELoss breaks earlier for z > 0 than for z < 0 in float32."""
import torch
import torch.nn as nn

z = torch.arange(0.0, 120.0)
# the first z at which sigma(z) rounds to exactly 1
print("sigma(z) == 1 from z =", int(z[torch.sigmoid(z) == 1][0]))
#> sigma(z) == 1 from z = 17
print("sigma(z) == 0 from z =", -int(z[torch.sigmoid(-z) == 0][0]), "down")
#> sigma(z) == 0 from z = -89 down
print("p (1 - p) < 1e-12 from z =",
      -int(z[torch.sigmoid(-z) < 1e-12][0]), "down")
#> p (1 - p) < 1e-12 from z = -28 down
# e^89 overflows
print(torch.exp(torch.tensor([88.0, 89.0])), torch.exp(torch.tensor(-89.0)))
#> tensor([1.6516e+38,        inf]) tensor(2.2274e-39)
print(torch.sigmoid(torch.tensor([17.0, -17.0, -50.0])))
#> tensor([1.0000e+00, 4.1399e-08, 1.9287e-22])

bce = nn.BCELoss(reduction="none")
z = torch.tensor([20.0, -20.0], requires_grad=True)  # both confident and wrong
y = torch.tensor([0.0, 1.0])
p = torch.sigmoid(z)
p.retain_grad()  # keep dl/dp, the gradient BCELoss sends back
loss = bce(p, y)
loss.sum().backward()
print(loss.detach())  # true losses: about 20 and 20
#> tensor([100.,  20.])
print(p.grad)  # BCELoss: (p - y) / max(p (1 - p), 1e-12), far from 0
#> tensor([ 1.0000e+12, -4.8517e+08])
print(p.detach() * (1 - p.detach()))  # the sigmoid's slope p (1 - p)
#> tensor([0.0000e+00, 2.0612e-09])
print(z.grad)  # dl/dp times that slope; true gradients: 1 and -1
#> tensor([ 0., -1.])

# At z = -50 the loss is right, but BCELoss divides by max(p (1 - p), 1e-12).
p = torch.sigmoid(torch.tensor(-50.0)).requires_grad_()
bce(p, torch.tensor(1.0)).backward()
with torch.no_grad():
    print(p.grad, -1 / p)  # what BCELoss returns, and the true dl/dp
    #> tensor(-1.0000e+12) tensor(-5.1847e+21)
    # times the sigmoid's slope p (1 - p): dl/dz, far from -1
    print(p.grad * p * (1 - p))
    #> tensor(-1.9287e-10)
