"""There is no nn.MSE: the mean squared error is nn.MSELoss."""
import torch
import torch.nn as nn

try:
    nn.MSE()  # as written in the note
except AttributeError as err:
    print(err)
    #> module 'torch.nn' has no attribute 'MSE'

loss_fn = nn.MSELoss()  # the mean of the squared differences
# (0^2 + 2^2) / 2
print(loss_fn(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 4.0])))
#> tensor(2.)
