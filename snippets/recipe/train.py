"""The five-step recipe: logistic regression on two Gaussian clouds."""
# --8<-- [start:setup]
import torch
import torch.nn as nn

torch.manual_seed(10)  # the same data and the same initial weights on every run
# --8<-- [end:setup]

# --8<-- [start:data]
# Step 1, data: two clouds of 100 points in the plane, labels 0 and 1.
n, mean, shift = 100, 1.7, 1.0
x0 = torch.normal(mean * torch.ones(n, 2), 1) + shift  # class 0, around (2.7, 2.7)
y0 = torch.zeros(n)
x1 = torch.normal(-mean * torch.ones(n, 2), 1) + shift  # class 1, around (-0.7, -0.7)
y1 = torch.ones(n)
train_x = torch.cat((x0, x1))  # shape (200, 2)
train_y = torch.cat((y0, y1))  # shape (200,)
print(train_x.shape, train_y.shape)
#> torch.Size([200, 2]) torch.Size([200])
# --8<-- [end:data]


# --8<-- [start:model]
# Step 2, model: y = sigmoid(W x + b).
class LogisticRegression(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(2, 1)

    def forward(self, x):
        return torch.sigmoid(self.linear(x)).squeeze(1)


model = LogisticRegression()
# --8<-- [end:model]

# --8<-- [start:loss]
# Step 3, loss: binary cross-entropy on the probabilities the model outputs.
loss_fn = nn.BCELoss()
# --8<-- [end:loss]

# --8<-- [start:optimizer]
# Step 4, optimizer: stochastic gradient descent with momentum.
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
# --8<-- [end:optimizer]

# --8<-- [start:train]
# Step 5, iterate: forward, loss, backward, step, zero the gradients.
history = []  # (iteration, loss, accuracy, w0, w1, b) every 20 iterations
for iteration in range(1000):
    y_pred = model(train_x)
    loss = loss_fn(y_pred, train_y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()

    if iteration % 20 == 0:
        acc = ((y_pred >= 0.5).float() == train_y).float().mean().item()
        (w0, w1), b = model.linear.weight[0].tolist(), model.linear.bias.item()
        history.append((iteration, loss.item(), acc, w0, w1, b))
        print(f"iteration {iteration:3d}  loss {loss.item():.4f}  accuracy {acc:.3f}")
        #> iteration   0  loss 0.3947  accuracy 0.920
        #> iteration  20  loss 0.2071  accuracy 0.940
        #> iteration  40  loss 0.1486  accuracy 0.940
        #> iteration  60  loss 0.1247  accuracy 0.950
        #> iteration  80  loss 0.1098  accuracy 0.970
        #> iteration 100  loss 0.0990  accuracy 0.975
        #> iteration 120  loss 0.0907  accuracy 0.980
        #> iteration 140  loss 0.0840  accuracy 0.980
        #> iteration 160  loss 0.0784  accuracy 0.985
        #> iteration 180  loss 0.0737  accuracy 0.985
        #> iteration 200  loss 0.0697  accuracy 0.985
        #> iteration 220  loss 0.0663  accuracy 0.985
        #> iteration 240  loss 0.0633  accuracy 0.985
        #> iteration 260  loss 0.0606  accuracy 0.990
        if acc >= 0.99:
            break
# --8<-- [end:train]
