"""The logit curve: ln(p / (1 - p)) maps (0, 1) onto the whole real line."""
import matplotlib.pyplot as plt
import torch

p = torch.linspace(0.001, 0.999, 999)
fig, ax = plt.subplots(figsize=(4.2, 3))
ax.plot(p, torch.logit(p), color="tab:green", lw=2,
        label=r"$z=\ln\frac{p}{1-p}$")
ax.axhline(0, color="0.5", lw=0.8)
ax.axvline(0.5, color="tab:red", ls="--", lw=1, label=r"$p=0.5$")
ax.set_xlabel(r"$p$")
ax.set_ylabel(r"$z$")
ax.legend(loc="upper left", fontsize=9)
plt.show()
