"""The boundary is a line: XOR-like data needs another feature, like x1 * x2."""
import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.rand(200, 2) * 2 - 1  # points in the square [-1, 1] x [-1, 1]
y = ((x[:, 0] > 0) != (x[:, 1] > 0)).float()  # class 1: two opposite quadrants


def train(features):
    """Logistic regression by gradient descent; returns training accuracy."""
    w = torch.zeros(features.shape[1], requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    for _ in range(500):
        F.binary_cross_entropy_with_logits(features @ w + b, y).backward()
        with torch.no_grad():
            for p in (w, b):
                p -= 5.0 * p.grad
                p.grad = None
    return (((features @ w + b) >= 0).float() == y).float().mean().item()


# No line separates the quadrants:
# the one training finds does no better than chance.
print(f"features x1, x2:          acc = {train(x):.2f}")
#> features x1, x2:          acc = 0.48
# x1 * x2 is negative exactly in the class-1 quadrants
product = x[:, :1] * x[:, 1:]
with_product = torch.cat((x, product), dim=1)
print(f"features x1, x2, x1 * x2: acc = {train(with_product):.2f}")
#> features x1, x2, x1 * x2: acc = 0.98
