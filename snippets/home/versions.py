"""The torch release that every output on this site was checked with."""
import torch

# The release without the build label (+cpu, +cu126, ...) that some builds add.
print(torch.__version__.split("+")[0])
#> 2.13.0
