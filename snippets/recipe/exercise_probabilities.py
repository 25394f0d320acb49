"""Exercise: a sigmoid in the model and nn.BCELoss, against logits and
nn.BCEWithLogitsLoss."""
import torch
import torch.nn as nn

for loss_fn in (nn.BCEWithLogitsLoss(), nn.BCELoss()):
    torch.manual_seed(10)  # the same data and the same initial weights for both
    n, mean, shift, k = 100, 1.7, 1.0, 80
    cloud0 = torch.normal(mean * torch.ones(n, 2), 1) + shift
    cloud1 = torch.normal(-mean * torch.ones(n, 2), 1) + shift
    train_x = torch.cat((cloud0[:k], cloud1[:k]))
    train_y = torch.cat((torch.zeros(k), torch.ones(k)))
    linear = nn.Linear(2, 1)
    optimizer = torch.optim.SGD(linear.parameters(), lr=0.01, momentum=0.9)

    for t in range(1000):
        z = linear(train_x).squeeze(1)  # logits
        if isinstance(loss_fn, nn.BCELoss):
            loss = loss_fn(torch.sigmoid(z), train_y)  # sigmoid first, then BCE
        else:
            loss = loss_fn(z, train_y)  # the sigmoid happens inside the loss
        acc = ((z >= 0).float() == train_y).float().mean().item()
        if t % 20 == 0 and acc >= 0.99:
            break
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    # largest |z|: far from 17, where sigmoid(z) == 1
    print(f"{type(loss_fn).__name__:17} t = {t}  loss = {loss.item():.4f}  "
          f"acc = {acc:.3f}  largest |z| = {z.abs().max().item():.1f}")
    #> BCEWithLogitsLoss t = 320  loss = 0.0500  acc = 0.994  largest |z| = 10.5
    #> BCELoss           t = 320  loss = 0.0500  acc = 0.994  largest |z| = 10.5
