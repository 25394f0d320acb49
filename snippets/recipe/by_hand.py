"""The same model trained by hand: no nn.Module, no optimizer."""
import torch
import torch.nn.functional as F

torch.manual_seed(10)
n, mean, shift = 100, 1.7, 1.0
cloud0 = torch.normal(mean * torch.ones(n, 2), 1) + shift
cloud1 = torch.normal(-mean * torch.ones(n, 2), 1) + shift
train_x = torch.cat((cloud0, cloud1))
train_y = torch.cat((torch.zeros(n), torch.ones(n)))

w = torch.zeros(2, requires_grad=True)  # the parameters are plain leaf tensors
b = torch.zeros(1, requires_grad=True)
lr = 0.1

for t in range(1000):
    z = train_x @ w + b  # forward: one score (logit) per point
    loss = (F.softplus(z) - train_y * z).mean()  # BCE written in z: ln(1 + e^z) - y z
    if t % 20 == 0:
        acc = ((z >= 0).float() == train_y).float().mean().item()  # logits against 0
        print(f"t = {t:3d}  loss = {loss.item():.4f}  acc = {acc:.3f}")
        #> t =   0  loss = 0.6931  acc = 0.500
        #> t =  20  loss = 0.2119  acc = 0.940
        #> t =  40  loss = 0.1601  acc = 0.945
        #> t =  60  loss = 0.1342  acc = 0.965
        #> t =  80  loss = 0.1175  acc = 0.970
        #> t = 100  loss = 0.1054  acc = 0.975
        #> t = 120  loss = 0.0961  acc = 0.980
        #> t = 140  loss = 0.0887  acc = 0.980
        #> t = 160  loss = 0.0826  acc = 0.980
        #> t = 180  loss = 0.0775  acc = 0.985
        #> t = 200  loss = 0.0732  acc = 0.985
        #> t = 220  loss = 0.0694  acc = 0.985
        #> t = 240  loss = 0.0661  acc = 0.985
        #> t = 260  loss = 0.0632  acc = 0.990
        if acc >= 0.99:
            break
    loss.backward()
    with torch.no_grad():  # in-place change of a leaf: allowed only while not recording
        w -= lr * w.grad
        b -= lr * b.grad
    w.grad.zero_()  # exists now: backward has run
    b.grad.zero_()

print(w.is_leaf, w.requires_grad, w.grad_fn)  # still a leaf after all the updates
#> True True None
