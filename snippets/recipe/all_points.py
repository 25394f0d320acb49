"""The recipe as the source notes train it: all 200 points,
a sigmoid in the model, nn.BCELoss."""
import torch
import torch.nn as nn

torch.manual_seed(10)  # the same data and the same initial weights as train.py
n, mean, shift = 100, 1.7, 1.0
cloud0 = torch.normal(mean * torch.ones(n, 2), 1) + shift
cloud1 = torch.normal(-mean * torch.ones(n, 2), 1) + shift
x = torch.cat((cloud0, cloud1))  # no point held out
y = torch.cat((torch.zeros(n), torch.ones(n)))
# outputs probabilities, which nn.BCELoss takes
model = nn.Sequential(nn.Linear(2, 1), nn.Sigmoid())
loss_fn = nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)

for t in range(1000):
    p = model(x).squeeze(1)
    loss = loss_fn(p, y)
    acc = ((p >= 0.5).float() == y).float().mean().item()
    if t % 20 == 0 and acc >= 0.99:
        break
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
print(f"t = {t}  loss = {loss.item():.4f}  acc = {acc:.3f}")
#> t = 260  loss = 0.0606  acc = 0.990
