"""Exercise: p = 0.8; its odds, log-odds and score z, and z + 1."""
import torch

p = torch.tensor(0.8)
odds = p / (1 - p)
print(odds, torch.log(odds), torch.logit(p))
#> tensor(4.0000) tensor(1.3863) tensor(1.3863)

z = torch.logit(p)
p_next = torch.sigmoid(z + 1)
print(p_next, p_next / (1 - p_next) / odds)
#> tensor(0.9158) tensor(2.7183)
