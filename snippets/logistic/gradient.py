"""dl/dz = sigma(z) - y and dl/dw = (sigma(z) - y) x, checked with autograd."""
import torch
import torch.nn.functional as F

# three samples (x1, x2)
x = torch.tensor([[1.5, -0.5], [0.2, 2.0], [-1.0, 1.0]])
y = torch.tensor([1.0, 0.0, 1.0])
w = torch.tensor([0.8, -0.3], requires_grad=True)
b = torch.tensor(0.1, requires_grad=True)

z = x @ w + b
z.retain_grad()  # keep dl/dz of this non-leaf
loss = F.binary_cross_entropy_with_logits(z, y, reduction="sum")
loss.backward()

error = (torch.sigmoid(z) - y).detach()  # sigma(z) - y, one number per sample
print(z.grad)
#> tensor([-0.1900,  0.4158, -0.7311])
print(error)
#> tensor([-0.1900,  0.4158, -0.7311])
print(w.grad)
#> tensor([0.5292, 0.1956])
print((error[:, None] * x).sum(dim=0))  # sum over samples of (sigma(z) - y) x
#> tensor([0.5292, 0.1956])
print(b.grad)
#> tensor(-0.5053)
print(error.sum())
#> tensor(-0.5053)
