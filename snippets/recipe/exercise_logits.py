"""The recipe with sigmoid + BCELoss and with logits + BCEWithLogitsLoss."""
import torch
import torch.nn as nn

for loss_fn in (nn.BCELoss(), nn.BCEWithLogitsLoss()):
    torch.manual_seed(10)  # the same data and the same initial weights for both
    n, mean, shift = 100, 1.7, 1.0
    cloud0 = torch.normal(mean * torch.ones(n, 2), 1) + shift
    cloud1 = torch.normal(-mean * torch.ones(n, 2), 1) + shift
    train_x = torch.cat((cloud0, cloud1))
    train_y = torch.cat((torch.zeros(n), torch.ones(n)))
    linear = nn.Linear(2, 1)
    optimizer = torch.optim.SGD(linear.parameters(), lr=0.01, momentum=0.9)

    for t in range(1000):
        z = linear(train_x).squeeze(1)  # logits
        if isinstance(loss_fn, nn.BCEWithLogitsLoss):
            loss = loss_fn(z, train_y)  # the sigmoid happens inside the loss
        else:
            loss = loss_fn(torch.sigmoid(z), train_y)
        acc = ((z >= 0).float() == train_y).float().mean().item()
        if t % 20 == 0 and acc >= 0.99:
            break
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    print(f"{type(loss_fn).__name__:17} t = {t}  loss = {loss.item():.4f}  acc = {acc:.3f}")
    #> BCELoss           t = 260  loss = 0.0606  acc = 0.990
    #> BCEWithLogitsLoss t = 260  loss = 0.0606  acc = 0.990
    print(f"largest |z| = {z.abs().max().item():.1f}")  # far from 17, where sigmoid(z) == 1
    #> largest |z| = 9.8
    #> largest |z| = 9.8
