"""optimizer.zero_grad() sets .grad to None, and may come before backward()."""
import torch

w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0])
opt = torch.optim.SGD([w], lr=0.1)

opt.zero_grad()  # before any backward: nothing to clear, no error
print(w.grad)
#> None

for _ in range(3):  # the usual order
    opt.zero_grad()
    y = (x + w) * (w + 1)
    y.backward()
    print(w.grad, w.detach())  # this step's gradient only: dy/dw = x + 2w + 1
    #> tensor([5.]) tensor([1.])
    #> tensor([4.]) tensor([0.5000])
    #> tensor([3.2000]) tensor([0.1000])
    opt.step()

opt.zero_grad()
print(w.grad)  # None, not tensor([0.])
#> None
