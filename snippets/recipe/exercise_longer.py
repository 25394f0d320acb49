"""Past 0.99: on separable data the loss keeps falling and the weights keep growing."""
import torch
import torch.nn as nn

torch.manual_seed(10)
n, mean, shift = 100, 1.7, 1.0
cloud0 = torch.normal(mean * torch.ones(n, 2), 1) + shift
cloud1 = torch.normal(-mean * torch.ones(n, 2), 1) + shift
train_x = torch.cat((cloud0, cloud1))
train_y = torch.cat((torch.zeros(n), torch.ones(n)))
linear = nn.Linear(2, 1)
loss_fn = nn.BCEWithLogitsLoss()
optimizer = torch.optim.SGD(linear.parameters(), lr=0.01, momentum=0.9)

for t in range(1, 4001):
    z = linear(train_x).squeeze(1)
    loss = loss_fn(z, train_y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    if t in (250, 1000, 2000, 4000):
        acc = ((z >= 0).float() == train_y).float().mean().item()
        norm = linear.weight.norm().item()  # the length of (w1, w2)
        print(f"t = {t:4d}  loss = {loss.item():.4f}  acc = {acc:.3f}  |w| = {norm:.2f}")
        #> t =  250  loss = 0.0620  acc = 0.990  |w| = 1.86
        #> t = 1000  loss = 0.0294  acc = 1.000  |w| = 2.60
        #> t = 2000  loss = 0.0207  acc = 1.000  |w| = 3.12
        #> t = 4000  loss = 0.0149  acc = 1.000  |w| = 3.77
