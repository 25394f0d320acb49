"""Exercise: y = w * (1, 2, 3) with w = 1; w.grad for two weight vectors."""
import torch

c = torch.tensor([1.0, 2.0, 3.0])
for v in ([1.0, 1.0, 1.0], [1.0, 0.0, -1.0]):
    w = torch.tensor([1.0], requires_grad=True)
    (w * c).backward(torch.tensor(v))
    g = w.grad
    w.grad = None
    (torch.tensor(v) * (w * c)).sum().backward()  # the same, written as a sum
    print(v, g, w.grad)
    #> [1.0, 1.0, 1.0] tensor([6.]) tensor([6.])
    #> [1.0, 0.0, -1.0] tensor([-2.]) tensor([-2.])
