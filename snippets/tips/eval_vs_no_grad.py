"""model.eval() and torch.no_grad() are two different switches."""
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.Dropout(p=0.5))
x = torch.ones(1, 4)

with torch.no_grad():  # no graph, but dropout still zeroes outputs
    out = model(x)
print(out.requires_grad, (out == 0).sum().item())
#> False 5

model.eval()  # dropout off, but the graph is still recorded
out = model(x)
print(out.requires_grad, (out == 0).sum().item())
#> True 0

with torch.no_grad():  # to evaluate a model: both
    out = model(x)
print(out.requires_grad, model.training)
#> False False
