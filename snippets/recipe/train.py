"""The five-step recipe: logistic regression on two Gaussian clouds."""
# --8<-- [start:setup]
import torch
import torch.nn as nn

torch.manual_seed(10)  # the same data and the same initial weights on every run
# --8<-- [end:setup]

# --8<-- [start:data]
# Step 1, data: two clouds of 100 points in the plane, labels 0 and 1.
n, mean, shift = 100, 1.7, 1.0
cloud0 = torch.normal(mean * torch.ones(n, 2), 1) + shift  # label 0, around (2.7, 2.7)
cloud1 = torch.normal(-mean * torch.ones(n, 2), 1) + shift  # label 1, around (-0.7, -0.7)
train_x = torch.cat((cloud0, cloud1))  # shape (200, 2): one row (x1, x2) per point
train_y = torch.cat((torch.zeros(n), torch.ones(n)))  # shape (200,)
print(train_x.shape, train_y.shape)
#> torch.Size([200, 2]) torch.Size([200])
# --8<-- [end:data]


# --8<-- [start:model]
# Step 2, model: p = sigmoid(w1 x1 + w2 x2 + b) for every point.
class LogisticRegression(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(2, 1)  # weight (w1, w2) and bias b

    def forward(self, x):
        return torch.sigmoid(self.linear(x)).squeeze(1)  # shape (200, 1) -> (200,)


model = LogisticRegression()
# --8<-- [end:model]

# --8<-- [start:loss]
# Step 3, loss: binary cross-entropy on the probabilities the model outputs.
loss_fn = nn.BCELoss()
# --8<-- [end:loss]

# --8<-- [start:optimizer]
# Step 4, optimizer: gradient descent with momentum (every step sees all 200 points).
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
# --8<-- [end:optimizer]

# --8<-- [start:train]
# Step 5, iterate: forward, loss, backward, step, zero the gradients.
history = []  # (t, loss, acc, w1, w2, b) every 20 iterations
for t in range(1000):
    p = model(train_x)  # forward: one probability per point
    loss = loss_fn(p, train_y)
    if t % 20 == 0:  # record the parameters that gave this loss, before the step
        acc = ((p >= 0.5).float() == train_y).float().mean().item()
        (w1, w2), b = model.linear.weight[0].tolist(), model.linear.bias.item()
        history.append((t, loss.item(), acc, w1, w2, b))
        print(f"t = {t:3d}  loss = {loss.item():.4f}  acc = {acc:.3f}")
        #> t =   0  loss = 0.3947  acc = 0.920
        #> t =  20  loss = 0.2071  acc = 0.940
        #> t =  40  loss = 0.1486  acc = 0.940
        #> t =  60  loss = 0.1247  acc = 0.950
        #> t =  80  loss = 0.1098  acc = 0.970
        #> t = 100  loss = 0.0990  acc = 0.975
        #> t = 120  loss = 0.0907  acc = 0.980
        #> t = 140  loss = 0.0840  acc = 0.980
        #> t = 160  loss = 0.0784  acc = 0.985
        #> t = 180  loss = 0.0737  acc = 0.985
        #> t = 200  loss = 0.0697  acc = 0.985
        #> t = 220  loss = 0.0663  acc = 0.985
        #> t = 240  loss = 0.0633  acc = 0.985
        #> t = 260  loss = 0.0606  acc = 0.990
        if acc >= 0.99:
            break
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
# --8<-- [end:train]

# --8<-- [start:boundaries]
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(4.2, 4.8), layout="constrained")
ax.scatter(cloud0[:, 0], cloud0[:, 1], s=10, c="tab:red", label="$y = 0$")
ax.scatter(cloud1[:, 0], cloud1[:, 1], s=10, c="tab:blue", marker="^", label="$y = 1$")
x1 = torch.linspace(-4, 6, 2)
picks = [history[0], history[1], history[len(history) // 2], history[-1]]
for (t, _, _, w1, w2, b), style in zip(picks, [":", "-.", "--", "-"]):
    x2 = -(w1 * x1 + b) / w2  # the line w1 x1 + w2 x2 + b = 0
    ax.plot(x1, x2, c="k", ls=style, lw=1.5, label=f"$t = {t}$")
ax.set(xlim=(-4, 6), ylim=(-4, 6), xlabel="$x_1$", ylabel="$x_2$")
fig.legend(loc="outside lower center", ncols=3, fontsize=9)
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
