"""A loop without zero_grad() adds every step's gradient to the next."""
import torch

for zero in (False, True):
    w = torch.tensor([1.0], requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=0.0)  # lr 0: look at the gradients only
    grads = []
    for step in range(3):
        loss = (w * 3).sum()  # d(loss)/dw = 3 at every step
        loss.backward()
        grads.append(w.grad.item())
        optimizer.step()
        if zero:
            optimizer.zero_grad()
    print("zero_grad" if zero else "no zero_grad", grads)
    #> no zero_grad [3.0, 6.0, 9.0]
    #> zero_grad [3.0, 3.0, 3.0]
