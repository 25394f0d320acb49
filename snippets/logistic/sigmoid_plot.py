"""The sigmoid curve and the 0.5 threshold."""
import matplotlib.pyplot as plt
import torch

z = torch.linspace(-8, 8, 401)
fig, ax = plt.subplots(figsize=(4.2, 3))
ax.plot(z, torch.sigmoid(z), color="tab:blue", lw=2, label=r"$p=\sigma(z)$")
ax.axhline(0.5, color="tab:red", ls="--", lw=1, label=r"$p=0.5$")
ax.axvline(0, color="0.5", lw=0.8)
ax.fill_between([0, z[-1]], 0, 1, color="tab:orange", alpha=0.12,
                label=r"$z \geq 0 \Leftrightarrow p \geq 0.5$")
ax.set_xlabel(r"$z = w^\top x + b$")
ax.set_ylabel(r"$p$")
ax.set_ylim(-0.02, 1.02)
ax.legend(loc="upper left", fontsize=9)
plt.show()
