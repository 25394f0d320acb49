"""Mini-batches: a DataLoader deals the training points out in shuffled
batches, epoch after epoch."""
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

# the recipe's data and initial weights, drawn in the same order
torch.manual_seed(10)
n, mean, shift, k = 100, 1.7, 1.0, 80
cloud0 = torch.normal(mean * torch.ones(n, 2), 1) + shift
cloud1 = torch.normal(-mean * torch.ones(n, 2), 1) + shift
train_x = torch.cat((cloud0[:k], cloud1[:k]))
train_y = torch.cat((torch.zeros(k), torch.ones(k)))
test_x = torch.cat((cloud0[k:], cloud1[k:]))
test_y = torch.cat((torch.zeros(n - k), torch.ones(n - k)))

model = nn.Linear(2, 1)
loss_fn = nn.BCEWithLogitsLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
# a generator of its own: other random calls cannot shift the batches
shuffle = torch.Generator().manual_seed(0)
loader = DataLoader(TensorDataset(train_x, train_y), batch_size=16,
                    shuffle=True, generator=shuffle)
print(len(loader))  # batches per epoch: 160 points / 16
#> 10

for epoch in range(1, 33):  # 32 epochs x 10 batches: 320 steps
    for x, y in loader:  # a new random order every epoch
        loss = loss_fn(model(x).squeeze(1), y)  # the loss of this batch only
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    # every 4th epoch: the held-out points, which training never sees
    if epoch % 4 == 0:
        model.eval()
        with torch.no_grad():
            z = model(test_x).squeeze(1)
            acc = ((z >= 0).float() == test_y).float().mean().item()
            print(f"epoch {epoch:2d}  "
                  f"test loss = {loss_fn(z, test_y).item():.4f}  "
                  f"test acc = {acc:.3f}")
            #> epoch  4  test loss = 0.1785  test acc = 0.900
            #> epoch  8  test loss = 0.1421  test acc = 0.925
            #> epoch 12  test loss = 0.1222  test acc = 0.925
            #> epoch 16  test loss = 0.1083  test acc = 0.950
            #> epoch 20  test loss = 0.0982  test acc = 0.975
            #> epoch 24  test loss = 0.0905  test acc = 0.975
            #> epoch 28  test loss = 0.0841  test acc = 0.975
            #> epoch 32  test loss = 0.0790  test acc = 0.975
        model.train()
