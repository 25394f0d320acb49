"""Loss and accuracy every 20 iterations."""
import contextlib
import io

import matplotlib.pyplot as plt

with contextlib.redirect_stdout(io.StringIO()):
    from train import history  # runs the training next door, quietly

iterations, losses, accs = zip(*[(it, loss, acc) for it, loss, acc, *_ in history])
fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.2))
left.plot(iterations, losses, "o-", c="tab:purple", ms=3)
left.set_xlabel("iteration")
left.set_ylabel("loss")
right.plot(iterations, accs, "o-", c="tab:green", ms=3)
right.axhline(0.99, c="0.5", ls="--", lw=1)
right.set_xlabel("iteration")
right.set_ylabel("accuracy")
fig.tight_layout()
plt.show()
