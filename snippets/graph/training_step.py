"""Why gradients: one training step of the model prediction = w * x."""
import torch

w = torch.tensor([1.0], requires_grad=True)  # the parameter to learn
x, target = torch.tensor([2.0]), torch.tensor([7.0])

prediction = w * x  # 1. forward
loss = (prediction - target) ** 2  # 2. loss: how far off, here (2 - 7)^2
loss.backward()  # 3. backward: autograd computes d(loss)/dw = 2 (wx - y*) x
print(loss.item(), w.grad)
#> 25.0 tensor([-20.])

with torch.no_grad():  # 4. step: move w against its gradient
    w -= 0.05 * w.grad
print(w.item(), ((w * x - target) ** 2).item())  # a smaller loss
#> 2.0 9.0
