"""The note's data step: y1 never defined, class-1 labels made of zeros,
labels in train_x."""
import torch
import torch.nn as nn

torch.manual_seed(10)
n = 100
x0 = torch.normal(1.7 * torch.ones(n, 2), 1) + 1
y0 = torch.zeros(n)
x1 = torch.normal(-1.7 * torch.ones(n, 2), 1) + 1
# as written: class 1's labels, under the wrong name (y01) and all zeros
y01 = torch.zeros(n)

train_x = torch.cat((x0, x1), 0)
try:
    train_x = torch.cat((y0, y1), 0)  # noqa: F821  (as written)
except NameError as err:
    print(err)
    #> name 'y1' is not defined

y1 = y01  # renaming alone is not enough: every label is still 0
print(torch.cat((y0, y1)).unique())
#> tensor([0.])

# and this puts the labels where the points belong
train_x = torch.cat((y0, y1), 0)
print(train_x.shape)
#> torch.Size([200])
try:
    nn.Linear(2, 1)(train_x)
except RuntimeError as err:
    print(err)
    #> mat1 and mat2 shapes cannot be multiplied (1x200 and 2x1)

# the fix: ones for class 1, points in train_x, labels in train_y
y1 = torch.ones(n)
train_x = torch.cat((x0, x1))
train_y = torch.cat((y0, y1))
print(train_x.shape, train_y.shape, train_y.unique())
#> torch.Size([200, 2]) torch.Size([200]) tensor([0., 1.])
