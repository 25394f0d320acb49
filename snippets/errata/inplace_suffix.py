"""add() and scatter() return new tensors;
add_() and scatter_() change their tensor in place."""
import torch

a = torch.tensor([1.0, 2.0, 3.0])
b = a.add(1)
print(a, b)  # a is unchanged
#> tensor([1., 2., 3.]) tensor([2., 3., 4.])
a.add_(1)  # the trailing underscore: in place
print(a)
#> tensor([2., 3., 4.])

index, value = torch.tensor([0]), torch.tensor([9.0])
c = a.scatter(0, index, value)
print(a, c)  # a is unchanged again
#> tensor([2., 3., 4.]) tensor([9., 3., 4.])
a.scatter_(0, index, value)
print(a)
#> tensor([9., 3., 4.])
