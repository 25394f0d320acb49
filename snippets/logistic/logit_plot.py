"""The logit curve: ln(y / (1 - y)) maps (0, 1) onto the whole real line."""
import matplotlib.pyplot as plt
import torch

y = torch.linspace(0.001, 0.999, 999)
fig, ax = plt.subplots(figsize=(6, 3.4))
ax.plot(y, torch.logit(y), color="tab:green", lw=2, label=r"$\ln\frac{y}{1-y}$")
ax.axhline(0, color="0.5", lw=0.8)
ax.axvline(0.5, color="tab:red", ls="--", lw=1, label=r"$y=0.5$")
ax.set_xlabel(r"$y$")
ax.set_ylabel(r"$WX + b$")
ax.legend(loc="upper left", fontsize=9)
plt.show()
