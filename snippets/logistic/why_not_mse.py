"""Confidently wrong (y = 1, z very negative): the MSE gradient vanishes,
the BCE gradient does not."""
import torch
import torch.nn.functional as F

# scores of three samples
z = torch.tensor([-6.0, -2.0, 0.0], requires_grad=True)
y = torch.ones(3)  # all labelled 1: the first is confidently wrong
p = torch.sigmoid(z)

F.mse_loss(p, y, reduction="sum").backward()  # (p - y)^2 on the probability
print(z.grad)
#> tensor([-0.0049, -0.1850, -0.2500])
with torch.no_grad():
    print(2 * (p - y) * p * (1 - p))  # by the chain rule: 2 (p - y) p (1 - p)
    #> tensor([-0.0049, -0.1850, -0.2500])

z.grad = None
F.binary_cross_entropy_with_logits(z, y, reduction="sum").backward()  # BCE
print(z.grad)  # sigma(z) - y: largest where the sample is most wrong
#> tensor([-0.9975, -0.8808, -0.5000])
