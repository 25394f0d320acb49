"""The torch build that every output on this site was checked with."""
import torch

print(torch.__version__)
#> 2.13.0+cpu
