"""More than two classes: softmax + CrossEntropyLoss,
and its gradient softmax(z) - one-hot."""
import torch
import torch.nn.functional as F

# one sample, a score per class
z = torch.tensor([[2.0, -1.0, 0.5]], requires_grad=True)
y = torch.tensor([2])  # its label: class 2 (an index, not a one-hot vector)
# what nn.CrossEntropyLoss computes: -ln softmax(z)[y]
loss = F.cross_entropy(z, y)
loss.backward()

p = torch.softmax(z.detach(), dim=1)
print(p, -torch.log(p[0, 2]), loss.detach())
#> tensor([[0.7856, 0.0391, 0.1753]]) tensor(1.7413) tensor(1.7413)
print(z.grad)
#> tensor([[ 0.7856,  0.0391, -0.8247]])
# prediction minus label, as for sigma(z) - y
print(p - F.one_hot(y, num_classes=3))
#> tensor([[ 0.7856,  0.0391, -0.8247]])
try:
    F.cross_entropy(z, y.int())  # the label as int32 is refused
except RuntimeError as err:
    print(err)
    #> expected target dtype to be Long or Byte, but got Int

# Two classes with scores (z, 0): softmax gives back the sigmoid.
s = torch.tensor(1.5)
print(torch.softmax(torch.stack([s, torch.tensor(0.0)]), dim=0)[0],
      torch.sigmoid(s))
#> tensor(0.8176) tensor(0.8176)
