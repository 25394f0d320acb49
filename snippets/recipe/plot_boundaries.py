"""The decision boundary w0*x + w1*y + b = 0 as training goes on."""
import contextlib
import io

import matplotlib.pyplot as plt
import torch

with contextlib.redirect_stdout(io.StringIO()):
    from train import history, x0, x1  # runs the training next door, quietly

picks = [history[0], history[1], history[len(history) // 2], history[-1]]
xs = torch.linspace(-4, 6, 2)
fig, axes = plt.subplots(1, 4, figsize=(12, 3.3), sharex=True, sharey=True)
for ax, (iteration, loss, acc, w0, w1, b) in zip(axes, picks):
    ax.scatter(x0[:, 0], x0[:, 1], s=8, c="tab:red", label="y = 0")
    ax.scatter(x1[:, 0], x1[:, 1], s=8, c="tab:blue", marker="^", label="y = 1")
    ax.plot(xs, (-w0 * xs - b) / w1, c="k", lw=1.5)  # solve w0*x + w1*y + b = 0 for y
    ax.set_title(f"iteration {iteration}\nloss {loss:.3f}, acc {acc:.3f}", fontsize=10)
    ax.set_xlim(-4, 6)
    ax.set_ylim(-4, 6)
axes[0].legend(loc="upper left", fontsize=8)
fig.tight_layout()
plt.show()
