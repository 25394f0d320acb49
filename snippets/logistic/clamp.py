"""clamp makes the loss finite but its gradient zero; the logit form keeps both."""
import torch
import torch.nn.functional as F

y = torch.tensor([0.0, 1.0])
z = torch.tensor([30.0, -30.0], requires_grad=True)  # confident and wrong
p = torch.sigmoid(z)
print(p.detach(), p[0].item() == 1.0)  # sigma(30) rounds to exactly 1 in float32
#> tensor([1.0000e+00, 9.3576e-14]) True

eps = 1e-7
p_safe = p.clamp(eps, 1 - eps)
loss = -(y * torch.log(p_safe) + (1 - y) * torch.log(1 - p_safe))
loss.sum().backward()
print(loss.detach())  # finite ...
#> tensor([15.9424, 16.1181])
print(z.grad)  # ... but nothing to learn from: clamp's slope is 0 outside [eps, 1 - eps]
#> tensor([0., 0.])
print(torch.sigmoid(z).detach() - y)  # the gradient the formula promises
#> tensor([ 1., -1.])

z.grad = None
loss = F.softplus(z) - y * z  # the same loss written in z: ln(1 + e^z) - y z
loss.sum().backward()
print(loss.detach())
#> tensor([30., 30.])
print(z.grad)
#> tensor([ 1., -1.])
print(F.binary_cross_entropy_with_logits(z, y, reduction="none").detach())
#> tensor([30., 30.])
