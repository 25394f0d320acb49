"""set_grad_enabled sets recording from a flag; enable_grad turns it back on."""
import torch

w = torch.tensor([1.0], requires_grad=True)

for training in (True, False):
    # one code path for training and evaluation
    with torch.set_grad_enabled(training):
        y = w * 2
    print(training, y.requires_grad)
    #> True True
    #> False False

with torch.no_grad():
    with torch.enable_grad():  # recording on again, inside no_grad
        y = w * 2
    z = w * 2
print(y.requires_grad, z.requires_grad)
#> True False


@torch.no_grad()  # no_grad as a decorator: nothing in the function is recorded
def evaluate(w):
    return w * 2


print(evaluate(w).requires_grad, torch.is_grad_enabled())
#> False True
