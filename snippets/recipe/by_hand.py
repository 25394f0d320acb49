"""The same model trained by hand: no nn.Module, no optimizer."""
import torch

torch.manual_seed(10)
n, mean, shift = 100, 1.7, 1.0
x0 = torch.normal(mean * torch.ones(n, 2), 1) + shift
x1 = torch.normal(-mean * torch.ones(n, 2), 1) + shift
train_x = torch.cat((x0, x1))
train_y = torch.cat((torch.zeros(n), torch.ones(n)))

w = torch.zeros(2, requires_grad=True)  # the parameters are plain leaf tensors
b = torch.zeros(1, requires_grad=True)
lr = 0.1

for iteration in range(1000):
    y_pred = torch.sigmoid(train_x @ w + b)
    loss = -(train_y * torch.log(y_pred) + (1 - train_y) * torch.log(1 - y_pred)).mean()
    loss.backward()
    with torch.no_grad():  # the update itself must not be recorded in the graph
        w -= lr * w.grad
        b -= lr * b.grad
    w.grad.zero_()  # exists now: backward has run
    b.grad.zero_()

    if iteration % 20 == 0:
        acc = ((y_pred >= 0.5).float() == train_y).float().mean().item()
        print(f"iteration {iteration:3d}  loss {loss.item():.4f}  accuracy {acc:.3f}")
        #> iteration   0  loss 0.6931  accuracy 0.500
        #> iteration  20  loss 0.2119  accuracy 0.940
        #> iteration  40  loss 0.1601  accuracy 0.945
        #> iteration  60  loss 0.1342  accuracy 0.965
        #> iteration  80  loss 0.1175  accuracy 0.970
        #> iteration 100  loss 0.1054  accuracy 0.975
        #> iteration 120  loss 0.0961  accuracy 0.980
        #> iteration 140  loss 0.0887  accuracy 0.980
        #> iteration 160  loss 0.0826  accuracy 0.980
        #> iteration 180  loss 0.0775  accuracy 0.985
        #> iteration 200  loss 0.0732  accuracy 0.985
        #> iteration 220  loss 0.0694  accuracy 0.985
        #> iteration 240  loss 0.0661  accuracy 0.985
        #> iteration 260  loss 0.0632  accuracy 0.990
        if acc >= 0.99:
            break
