"""A batch gives one loss per sample: mean() is backward with v = 1/N each."""
import torch

w = torch.tensor([0.5], requires_grad=True)
x = torch.tensor([1.0, 2.0, 3.0, 4.0])  # four samples
target = torch.tensor([1.0, 1.0, 2.0, 2.0])  # their targets

losses = (w * x - target) ** 2  # a vector: one loss per sample
print(losses.shape)
#> torch.Size([4])
losses.mean().backward()
print(w.grad)
#> tensor([-1.])

w.grad = None
losses = (w * x - target) ** 2
losses.backward(torch.full_like(losses, 1 / 4))  # the weights mean() uses
print(w.grad)
#> tensor([-1.])
