"""The version counter guards only the tensors that backward nodes saved."""
import re
import textwrap
import warnings

import torch

# The running example saves a and b, not w: changing w goes unnoticed.
w = torch.tensor([1.0], requires_grad=True)
x = torch.tensor([2.0], requires_grad=True)
y = (x + w) * (w + 1)
with torch.no_grad():
    w.add_(10)
print(w._version)
#> 1
y.backward()  # uses the saved a = 3 and b = 2
print(w.grad)
#> tensor([5.])

# y = w * x saves w (dy/dx = w): the same change is caught.
w = torch.tensor([1.0], requires_grad=True)
y = w * x
with torch.no_grad():
    w.add_(10)
try:
    y.backward()
except RuntimeError as err:
    print(textwrap.fill(str(err), width=72))
    #> one of the variables needed for gradient computation has been modified
    #> by an inplace operation: [torch.FloatTensor [1]] is at version 1;
    #> expected version 0 instead. Hint: enable anomaly detection to find the
    #> operation that failed to compute its gradient, with
    #> torch.autograd.set_detect_anomaly(True, check_nan=False).

# Anomaly mode points to the forward operation that saved w,
# not to the in-place change.
def forward(w, x):
    return w * x  # saves w for the backward pass


def update(w):
    with torch.no_grad():
        w.add_(10)  # the in-place change


w = torch.tensor([1.0], requires_grad=True)
with torch.autograd.set_detect_anomaly(True):
    y = forward(w, x)
    update(w)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            y.backward()  # the same error as above
        except RuntimeError:
            pass
message = str(caught[0].message)
print(textwrap.fill(message.splitlines()[0], width=72))
#> Error detected in MulBackward0. Traceback of forward call that caused
#> the error:
# the functions in its forward traceback
frames = re.findall(r", in (\S+)", message)
print(frames[-2:])  # innermost last
#> ['<module>', 'forward']
print("update" in frames)
#> False
