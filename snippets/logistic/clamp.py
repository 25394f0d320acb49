"""clamp makes the loss finite, its gradient zero; the logit form keeps both."""
# --8<-- [start:clamp]
import torch
import torch.nn.functional as F

y = torch.tensor([0.0, 1.0])
z = torch.tensor([12.0, -12.0], requires_grad=True)  # confident and wrong
p = torch.sigmoid(z)
# near 1 and 0, but not rounded to them: the formula still works
print(p.detach())
#> tensor([9.9999e-01, 6.1442e-06])
loss = -(y * torch.log(p) + (1 - y) * torch.log(1 - p))
loss.sum().backward()
print(loss.detach(), z.grad)  # finite, and the gradient sigma(z) - y = +-1
#> tensor([11.9911, 12.0000]) tensor([ 1.0000, -1.0000])

z.grad = None
eps = 1e-4
# both probabilities lie outside [eps, 1 - eps]
p_safe = torch.sigmoid(z).clamp(eps, 1 - eps)
loss = -(y * torch.log(p_safe) + (1 - y) * torch.log(1 - p_safe))
loss.sum().backward()
print(loss.detach())  # still finite ...
#> tensor([9.2102, 9.2103])
# ... but nothing to learn from: clamp's slope is 0 outside [eps, 1 - eps]
print(z.grad)
#> tensor([0., 0.])
# --8<-- [end:clamp]

# --8<-- [start:logit]
z.grad = None  # the same z and y as above, its old gradient dropped
loss = F.softplus(z) - y * z  # the same loss written in z: ln(1 + e^z) - y z
loss.sum().backward()
print(loss.detach())
#> tensor([12.0000, 12.0000])
print(z.grad)
#> tensor([ 1.0000, -1.0000])
print(F.binary_cross_entropy_with_logits(z, y, reduction="none").detach())
#> tensor([12.0000, 12.0000])

big = torch.tensor(100.0)  # e^100 is beyond float32 (max about e^88.7)
# ln(1 + e^z) taken literally overflows; softplus returns z itself above 20
print(torch.log(1 + torch.exp(big)), F.softplus(big))
#> tensor(inf) tensor(100.)
# max(z, 0) + ln(1 + e^-|z|)
print(big.clamp(min=0) + torch.log1p(torch.exp(-big.abs())))
#> tensor(100.)
# --8<-- [end:logit]
