"""Exercise: past 0.99, up to t = 2000, without and with weight decay."""
import torch
import torch.nn as nn

torch.manual_seed(10)
n, mean, shift, k = 100, 1.7, 1.0, 80
cloud0 = torch.normal(mean * torch.ones(n, 2), 1) + shift
cloud1 = torch.normal(-mean * torch.ones(n, 2), 1) + shift
train_x = torch.cat((cloud0[:k], cloud1[:k]))
train_y = torch.cat((torch.zeros(k), torch.ones(k)))
# the recipe's initial values, for both runs
start = nn.Linear(2, 1).state_dict()

for decay in (0.0, 0.03):
    linear = nn.Linear(2, 1)
    linear.load_state_dict(start)
    loss_fn = nn.BCEWithLogitsLoss()
    optimizer = torch.optim.SGD(linear.parameters(), lr=0.01, momentum=0.9,
                                weight_decay=decay)
    for t in range(1, 2001):
        z = linear(train_x).squeeze(1)
        loss = loss_fn(z, train_y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        if t in (250, 500, 1000, 2000):
            acc = ((z >= 0).float() == train_y).float().mean().item()
            norm = linear.weight.norm().item()  # the length of (w1, w2)
            print(f"decay = {decay:<4}  t = {t:4d}  loss = {loss.item():.4f}  "
                  f"acc = {acc:.3f}  |w| = {norm:.3f}")
            #> decay = 0.0   t =  250  loss = 0.0574  acc = 0.988  |w| = 1.903
            #> decay = 0.0   t =  500  loss = 0.0392  acc = 0.994  |w| = 2.209
            #> decay = 0.0   t = 1000  loss = 0.0272  acc = 0.994  |w| = 2.604
            #> decay = 0.0   t = 2000  loss = 0.0194  acc = 1.000  |w| = 3.091
            #> decay = 0.03  t =  250  loss = 0.0849  acc = 0.988  |w| = 1.463
            #> decay = 0.03  t =  500  loss = 0.0793  acc = 0.988  |w| = 1.493
            #> decay = 0.03  t = 1000  loss = 0.0786  acc = 0.988  |w| = 1.497
            #> decay = 0.03  t = 2000  loss = 0.0785  acc = 0.988  |w| = 1.498
