"""Exercise: plot f(x) = sin x and its derivative,
computed by autograd (no cos typed)."""
import math

import matplotlib.pyplot as plt
import torch

x = torch.linspace(-2 * math.pi, 2 * math.pi, 201, requires_grad=True)
y = torch.sin(x)
y.sum().backward()  # y_i depends on x_i only, so x.grad[i] = dy_i/dx_i
print(torch.allclose(x.grad, torch.cos(x)))
#> True

fig, ax = plt.subplots(figsize=(4.8, 3))
ax.plot(x.detach(), y.detach(), lw=2, label=r"$f(x) = \sin x$")
# ′ (U+2032), not ': in an SVG, mathtext's ' names a TeX font browsers lack
ax.plot(x.detach(), x.grad, lw=2, ls="--", label="$f′(x)$, x.grad")
ax.axhline(0, color="0.5", lw=0.8)
ax.set_xlabel(r"$x$")
ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=9,
          frameon=False)
plt.show()
