"""torch.zeros(100) has shape (100,), not (100, 1):
the model's (100, 1) output needs squeeze."""
import textwrap

import torch
import torch.nn as nn

torch.manual_seed(0)
y0 = torch.zeros(100)  # the note's comment says shape=(100, 1)
print(y0.shape)
#> torch.Size([100])
out = nn.Linear(2, 1)(torch.randn(100, 2))  # one score per point, in a column
print(out.shape)
#> torch.Size([100, 1])
try:
    nn.BCEWithLogitsLoss()(out, y0)
except ValueError as err:
    print(textwrap.fill(str(err), 72))
    #> Target size (torch.Size([100])) must be the same as input size
    #> (torch.Size([100, 1]))
try:
    # the notes' loss, on probabilities: an error too
    nn.BCELoss()(torch.sigmoid(out), y0)
except ValueError as err:
    print(textwrap.fill(str(err), width=72))
    #> Using a target size (torch.Size([100])) that is different to the input
    #> size (torch.Size([100, 1])) is deprecated. Please ensure they have the
    #> same size.
# shapes agree: a scalar loss
print(nn.BCEWithLogitsLoss()(out.squeeze(1), y0).shape)
#> torch.Size([])
