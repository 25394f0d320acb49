"""Exercise: plain gradient descent against momentum; when is 0.99 reached?"""
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(10)
n, mean, shift, k = 100, 1.7, 1.0, 80
cloud0 = torch.normal(mean * torch.ones(n, 2), 1) + shift
cloud1 = torch.normal(-mean * torch.ones(n, 2), 1) + shift
train_x = torch.cat((cloud0[:k], cloud1[:k]))
train_y = torch.cat((torch.zeros(k), torch.ones(k)))
linear = nn.Linear(2, 1)  # the recipe's initial values, copied into every run


def reached(lr, mu):
    """When training accuracy first reaches 0.99 (checked every 20 steps)."""
    w = linear.weight.detach()[0].clone().requires_grad_()
    b = linear.bias.detach().clone().requires_grad_()
    velocity = [torch.zeros_like(w), torch.zeros_like(b)]
    for t in range(1000):
        z = train_x @ w + b
        if t % 20 == 0 and ((z >= 0).float() == train_y).float().mean() >= 0.99:
            return f"at t = {t}"
        F.binary_cross_entropy_with_logits(z, train_y).backward()
        with torch.no_grad():
            for p, v in zip((w, b), velocity):
                v.mul_(mu).add_(p.grad)  # mu = 0: v is this step's gradient
                p -= lr * v
                p.grad = None
    return "not by t = 1000"


for lr, mu in ((0.01, 0.9), (0.01, 0.0), (0.1, 0.0)):
    print(f"lr = {lr:<4}  momentum = {mu}  reaches 0.99 {reached(lr, mu)}")
    #> lr = 0.01  momentum = 0.9  reaches 0.99 at t = 320
    #> lr = 0.01  momentum = 0.0  reaches 0.99 not by t = 1000
    #> lr = 0.1   momentum = 0.0  reaches 0.99 at t = 300
