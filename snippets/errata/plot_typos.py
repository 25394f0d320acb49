"""The note's plot: ' red' is not a colour, and a boundary that is computed
is not yet drawn."""
import numpy as np
from matplotlib.figure import Figure

fig = Figure()
ax = fig.subplots()
try:
    # as written
    ax.text(-5, 5, "Loss=0.5", fontdict={"size": 20, "color": " red"})
except ValueError as err:
    print(str(err).split(":")[0])
    #> ' red' is not a valid value for color
ax.text(-5, 5, "Loss=0.5", fontdict={"size": 20, "color": "red"})

w0, w1, b = -1.4, -1.4, 1.7
plot_x = np.arange(-6, 6, 0.1)
plot_y = (-w0 * plot_x - b) / w1  # computed ...
print(len(ax.lines))  # ... but nothing is drawn yet
#> 0
ax.plot(plot_x, plot_y)  # the line the note leaves out
print(len(ax.lines))
#> 1
