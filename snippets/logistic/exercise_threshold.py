"""Exercise: z >= 0.5 on logits, against p >= 0.5."""
import torch

# a model without a final sigmoid outputs logits
z = torch.tensor([-1.0, 0.2, 0.4, 3.0])
print((z >= 0.5).tolist())  # the mistake: a probability threshold on logits
#> [False, False, False, True]
print((z >= 0).tolist())
#> [False, True, True, True]
print((torch.sigmoid(z) >= 0.5).tolist())
#> [False, True, True, True]
# the probability threshold that z >= 0.5 really uses
print(torch.sigmoid(torch.tensor(0.5)))
#> tensor(0.6225)
