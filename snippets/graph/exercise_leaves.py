"""Exercise: which of these tensors are leaves?"""
import torch

p = torch.zeros(2).requires_grad_()
q = p * 2
r = q.detach()
s = r + 1
print(p.is_leaf, q.is_leaf, r.is_leaf, s.is_leaf)
#> True False True True
print(p.requires_grad, q.requires_grad, r.requires_grad, s.requires_grad)
#> True True False False
