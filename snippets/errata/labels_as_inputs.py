"""Overwriting train_x with the labels: the model would be fed the labels."""
import torch
import torch.nn as nn

torch.manual_seed(10)
x0, x1 = torch.randn(100, 2) + 2, torch.randn(100, 2) - 2
y0, y1 = torch.zeros(100), torch.ones(100)

train_x = torch.cat((y0, y1))  # the mistake: labels where the points belong
print(train_x.shape)
#> torch.Size([200])
try:
    nn.Linear(2, 1)(train_x)
except RuntimeError as err:
    print(err)
    #> mat1 and mat2 shapes cannot be multiplied (1x200 and 2x1)

train_x = torch.cat((x0, x1))  # the fix: points in train_x, labels in train_y
train_y = torch.cat((y0, y1))
print(train_x.shape, train_y.shape)
#> torch.Size([200, 2]) torch.Size([200])
