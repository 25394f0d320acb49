"""Exercise: one sample, the gradient by formula and by autograd; one step."""
import torch
import torch.nn.functional as F

x = torch.tensor([1.0, -2.0])
y = torch.tensor(0.0)
w = torch.tensor([0.5, 0.5], requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)

z = x @ w + b
loss = F.binary_cross_entropy_with_logits(z, y)
loss.backward()
error = (torch.sigmoid(z) - y).detach()  # dl/dz = sigma(z) - y
print(z.detach(), error)
#> tensor(-0.5000) tensor(0.3775)
print(error * x, error)  # dl/dw = (sigma(z) - y) x, dl/db = sigma(z) - y
#> tensor([ 0.3775, -0.7551]) tensor(0.3775)
print(w.grad, b.grad)
#> tensor([ 0.3775, -0.7551]) tensor(0.3775)

with torch.no_grad():
    w -= 0.1 * w.grad
    b -= 0.1 * b.grad
    print(x @ w + b)  # z went down: towards class 0, the true label
    #> tensor(-0.7265)
