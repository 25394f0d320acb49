"""Without the sigmoid the rule z >= 0 still classifies,
but there is no probability to train."""
import torch
import torch.nn.functional as F

z = torch.tensor([2.0, -1.5, 0.3])  # scores of a linear model
y = torch.tensor([1.0, 0.0, 0.0])
print((z >= 0).tolist(), (torch.sigmoid(z) >= 0.5).tolist())  # same decisions
#> [True, False, True] [True, False, True]

try:
    F.binary_cross_entropy(z, y)  # BCE needs probabilities
except RuntimeError as err:
    print(err)
    #> all elements of input should be between 0 and 1
# the negative log-likelihood to minimise
print(F.binary_cross_entropy(torch.sigmoid(z), y))
#> tensor(0.3942)
