"""Step 3 chooses the loss function, step 4 the optimizer."""
import torch
import torch.nn as nn

model = nn.Linear(2, 1)
loss_fn = nn.BCELoss()  # step 3
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)  # step 4
print(isinstance(loss_fn, nn.modules.loss._Loss), isinstance(optimizer, torch.optim.Optimizer))
#> True True
