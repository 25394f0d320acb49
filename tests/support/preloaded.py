"""What snippets use, imported once in the process that the runs are forked from
(runner.py): the test process itself, or multiprocessing's fork server. Imported
before any torch op, so that no thread pool exists at fork time.

FRESH_RC: matplotlib's settings as a fresh interpreter with MPLBACKEND=Agg has them.
"""
import os

os.environ["MPLBACKEND"] = "Agg"

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot  # noqa: E402,F401
import matplotlib.style  # noqa: E402,F401  (pyplot imports it at its first use)

FRESH_RC = dict(matplotlib.rcParams)

import torch  # noqa: E402,F401
# torch imports these lazily at their first use, for up to a second each.
import torch.autograd.functional  # noqa: E402,F401
import torch.autograd.gradcheck  # noqa: E402,F401
import torch.nn  # noqa: E402,F401
import torch.nn.functional  # noqa: E402,F401
import torch.optim  # noqa: E402,F401
import torch._dynamo  # noqa: E402,F401  (an optimizer's first step imports it)
import torch.fx.experimental.symbolic_shapes  # noqa: E402,F401  (backward with weights)
