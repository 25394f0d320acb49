"""Freeze a parameter with requires_grad_(False): it gets no gradient."""
import torch
from torch import nn

torch.manual_seed(0)
layer = nn.Linear(2, 1)
layer.weight.requires_grad_(False)  # keep the weight fixed, train the bias

layer(torch.ones(1, 2)).sum().backward()
print(layer.weight.grad, layer.bias.grad)
#> None tensor([1.])
print([name for name, p in layer.named_parameters() if p.requires_grad])
#> ['bias']
