"""Step 3 chooses the loss function, step 4 the optimizer."""
import torch
import torch.nn as nn

model = nn.Linear(2, 1)
# step 3: the loss function
loss_fn = nn.BCEWithLogitsLoss()
# step 4: the optimizer
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
print(type(loss_fn).__name__, type(optimizer).__name__)
#> BCEWithLogitsLoss SGD
