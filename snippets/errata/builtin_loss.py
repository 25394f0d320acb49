"""The built-in loss gives the same number as the note's;
its gain is stability, not speed."""
import torch
import torch.nn as nn


def binary_loss(y_pred, y):  # the note's hand-written loss, on probabilities
    return -(y * y_pred.clamp(1e-12).log()
             + (1 - y) * (1 - y_pred).clamp(1e-12).log()).mean()


y = torch.tensor([1.0, 0.0])
for scores in ([2.0, -1.0], [2.0, 40.0]):  # ordinary, then a confident mistake
    z = torch.tensor(scores, requires_grad=True)
    hand = binary_loss(torch.sigmoid(z), y)
    hand_grad = torch.autograd.grad(hand, z)[0]
    builtin = nn.BCEWithLogitsLoss()(z, y)
    builtin_grad = torch.autograd.grad(builtin, z)[0]
    print(f"{hand.item():.4f} {builtin.item():.4f}", hand_grad, builtin_grad)
    #> 0.2201 0.2201 tensor([-0.0596,  0.1345]) tensor([-0.0596,  0.1345])
    #> 13.8790 20.0635 tensor([-0.0596, -0.0000]) tensor([-0.0596,  0.5000])
