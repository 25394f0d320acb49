"""With BCEWithLogitsLoss the model outputs logits: compare with 0, not 0.5."""
import torch

# logits, no sigmoid applied
y_pred = torch.tensor([-2.0, -0.5, 0.1, 0.3, 0.4, 2.0])
y_data = torch.tensor([0.0, 0.0, 1.0, 1.0, 1.0, 1.0])

mask = y_pred.ge(0.5).float()  # as written in the note
print((mask == y_data).float().mean())
#> tensor(0.5000)
mask = y_pred.ge(0).float()  # logits: the threshold is 0
print((mask == y_data).float().mean())
#> tensor(1.)
mask = torch.sigmoid(y_pred).ge(0.5).float()  # or make them probabilities first
print((mask == y_data).float().mean())
#> tensor(1.)
