"""The signature of torch.autograd.grad, read from the installed torch."""
import inspect

import torch

sig = inspect.signature(torch.autograd.grad)
for p in sig.parameters.values():
    print(p.name, "=",
          "(required)" if p.default is p.empty else repr(p.default))
    #> outputs = (required)
    #> inputs = (required)
    #> grad_outputs = None
    #> retain_graph = None
    #> create_graph = False
    #> only_inputs = True
    #> allow_unused = None
    #> is_grads_batched = False
    #> materialize_grads = False
