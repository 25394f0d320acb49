"""BCEWithLogitsLoss against sigmoid + BCELoss on extreme logits."""
import torch
import torch.nn as nn

logits = [-200.0, -50.0, 0.0, 50.0, 200.0]
# the extremes are confident and wrong
targets = torch.tensor([1.0, 1.0, 1.0, 0.0, 0.0])


def loss_and_grad(loss_fn):
    z = torch.tensor(logits, requires_grad=True)
    loss = loss_fn(z)
    loss.sum().backward()
    return loss.detach(), z.grad


with_logits = loss_and_grad(
    lambda z: nn.BCEWithLogitsLoss(reduction="none")(z, targets))
two_steps = loss_and_grad(
    lambda z: nn.BCELoss(reduction="none")(torch.sigmoid(z), targets))

print(f"{'logit':>6} {'target':>6} | {'WithLogits':>10} {'grad':>9} | "
      f"{'BCELoss':>8} {'grad':>9}")
#>  logit target | WithLogits      grad |  BCELoss      grad
for i, z in enumerate(logits):
    print(f"{z:6.0f} {targets[i].item():6.0f} | "
          f"{with_logits[0][i].item():10.3f} {with_logits[1][i].item():9.3g} | "
          f"{two_steps[0][i].item():8.3f} {two_steps[1][i].item():9.3g}")
    #>   -200      1 |    200.000        -1 |  100.000        -0
    #>    -50      1 |     50.000        -1 |   50.000 -1.93e-10
    #>      0      1 |      0.693      -0.5 |    0.693      -0.5
    #>     50      0 |     50.000         1 |  100.000         0
    #>    200      0 |    200.000         1 |  100.000         0

print(torch.sigmoid(torch.tensor(logits)) - targets)  # sigma(z) - y
#> tensor([-1.0000, -1.0000, -0.5000,  1.0000,  1.0000])
