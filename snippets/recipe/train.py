"""The five-step recipe: logistic regression on two Gaussian clouds."""
# --8<-- [start:setup]
import torch
import torch.nn as nn

torch.manual_seed(10)  # the same data and initial weights on every run
# --8<-- [end:setup]

# --8<-- [start:data]
# Step 1, data: two clouds of 100 points in the plane, labels 0 and 1.
n, mean, shift = 100, 1.7, 1.0
# label 0 around (2.7, 2.7), label 1 around (-0.7, -0.7)
cloud0 = torch.normal(mean * torch.ones(n, 2), 1) + shift
cloud1 = torch.normal(-mean * torch.ones(n, 2), 1) + shift
k = 80  # the first 80 of each cloud train the model, the last 20 test it
train_x = torch.cat((cloud0[:k], cloud1[:k]))  # one row (x1, x2) per point
train_y = torch.cat((torch.zeros(k), torch.ones(k)))
# held out: training never sees these
test_x = torch.cat((cloud0[k:], cloud1[k:]))
test_y = torch.cat((torch.zeros(n - k), torch.ones(n - k)))
print(train_x.shape, train_y.shape, test_x.shape, test_y.shape)
#> torch.Size([160, 2]) torch.Size([160]) torch.Size([40, 2]) torch.Size([40])
# --8<-- [end:data]


# --8<-- [start:model]
# Step 2, model: the score z = w1 x1 + w2 x2 + b of every point.
class LogisticRegression(nn.Module):
    def __init__(self):
        super().__init__()
        # weight (w1, w2) and bias b, both nn.Parameter
        self.linear = nn.Linear(2, 1)

    def forward(self, x):
        return self.linear(x).squeeze(1)  # (N, 1) -> (N,): one logit per point


model = LogisticRegression()
# what model.parameters() yields
print([name for name, _ in model.named_parameters()])
#> ['linear.weight', 'linear.bias']
# --8<-- [end:model]

# --8<-- [start:loss]
# Step 3, loss: binary cross-entropy from the logits (sigmoid included).
loss_fn = nn.BCEWithLogitsLoss()
# --8<-- [end:loss]

# --8<-- [start:optimizer]
# Step 4, optimizer: gradient descent with momentum
# (every step sees all 160 points).
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
# --8<-- [end:optimizer]

# --8<-- [start:train]
# Step 5, iterate: forward, loss, backward, step, zero the gradients.
history = []  # (t, loss, acc, w1, w2, b) every 20 iterations
for t in range(1000):
    z = model(train_x)  # forward: one score per training point
    loss = loss_fn(z, train_y)
    # record the parameters that gave this loss, before the step
    if t % 20 == 0:
        # z >= 0 means p >= 0.5
        acc = ((z >= 0).float() == train_y).float().mean().item()
        (w1, w2), b = model.linear.weight[0].tolist(), model.linear.bias.item()
        history.append((t, loss.item(), acc, w1, w2, b))
        print(f"t = {t:3d}  loss = {loss.item():.4f}  acc = {acc:.3f}")
        #> t =   0  loss = 0.3943  acc = 0.913
        #> t =  20  loss = 0.1996  acc = 0.950
        #> t =  40  loss = 0.1403  acc = 0.944
        #> t =  60  loss = 0.1168  acc = 0.950
        #> t =  80  loss = 0.1025  acc = 0.975
        #> t = 100  loss = 0.0923  acc = 0.981
        #> t = 120  loss = 0.0844  acc = 0.988
        #> t = 140  loss = 0.0780  acc = 0.988
        #> t = 160  loss = 0.0728  acc = 0.988
        #> t = 180  loss = 0.0684  acc = 0.988
        #> t = 200  loss = 0.0647  acc = 0.988
        #> t = 220  loss = 0.0614  acc = 0.988
        #> t = 240  loss = 0.0586  acc = 0.988
        #> t = 260  loss = 0.0561  acc = 0.988
        #> t = 280  loss = 0.0538  acc = 0.988
        #> t = 300  loss = 0.0518  acc = 0.988
        #> t = 320  loss = 0.0500  acc = 0.994
        if acc >= 0.99:  # a teaching shortcut: real runs judge on held-out data
            break
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
print(f"w = ({w1:.4f}, {w2:.4f})  b = {b:.4f}")
#> w = (-1.4364, -1.3959)  b = 1.6995
# --8<-- [end:train]

# --8<-- [start:evaluate]
# Step 6, evaluate on the held-out points, then predict new ones.
# evaluation mode: changes layers such as dropout (this model has none)
model.eval()
with torch.no_grad():  # nothing is recorded: no graph, no saved tensors
    test_z = model(test_x)
    test_acc = ((test_z >= 0).float() == test_y).float().mean().item()
    print(f"test acc = {test_acc:.3f}")
    #> test acc = 0.975
    # deep in cloud 1, and near the line
    new_x = torch.tensor([[-1.0, -1.0], [1.0, 0.0]])
    print(torch.sigmoid(model(new_x)))  # the probability of class 1 for each
    #> tensor([0.9894, 0.5654])
# --8<-- [end:evaluate]

# --8<-- [start:boundaries]
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(4.2, 4.8), layout="constrained")
ax.scatter(cloud0[:k, 0], cloud0[:k, 1], s=10, c="tab:red", label="$y = 0$")
ax.scatter(cloud1[:k, 0], cloud1[:k, 1], s=10, c="tab:blue", marker="^",
           label="$y = 1$")
# the held-out points, hollow
ax.scatter(test_x[:, 0], test_x[:, 1], s=24, facecolors="none",
           edgecolors="0.3", label="test")
x1 = torch.linspace(-4, 6, 2)
picks = [history[0], history[1], history[len(history) // 2], history[-1]]
for (t, _, _, w1, w2, b), style in zip(picks, [":", "-.", "--", "-"]):
    x2 = -(w1 * x1 + b) / w2  # the line w1 x1 + w2 x2 + b = 0
    ax.plot(x1, x2, c="k", ls=style, lw=1.5, label=f"$t = {t}$")
ax.set(xlim=(-4, 6), ylim=(-4, 6), xlabel="$x_1$", ylabel="$x_2$")
fig.legend(loc="outside lower center", ncols=4, fontsize=9)
plt.show()
# --8<-- [end:boundaries]

# --8<-- [start:loss_curve]
ts = [t for t, *_ in history]
fig, ax = plt.subplots(figsize=(4.2, 2.8))
ax.plot(ts, [entry[1] for entry in history], "o-", c="tab:purple", ms=3)
ax.set_xlabel("$t$")
ax.set_ylabel("loss", family="monospace")
plt.show()
# --8<-- [end:loss_curve]

# --8<-- [start:acc_curve]
fig, ax = plt.subplots(figsize=(4.2, 2.8))
ax.plot(ts, [entry[2] for entry in history], "o-", c="tab:green", ms=3)
ax.axhline(0.99, c="0.5", ls="--", lw=1)
ax.set_xlabel("$t$")
ax.set_ylabel("acc", family="monospace")
plt.show()
# --8<-- [end:acc_curve]
