"""The signature of torch.autograd.backward, read from the installed torch."""
import inspect
import textwrap

import torch


def without_annotations(fn):
    sig = inspect.signature(fn)
    params = [p.replace(annotation=p.empty) for p in sig.parameters.values()]
    return sig.replace(parameters=params, return_annotation=sig.empty)


print(textwrap.fill(str(without_annotations(torch.autograd.backward)), 72,
                    subsequent_indent=" "))
#> (tensors, grad_tensors=None, retain_graph=None, create_graph=False,
#>  grad_variables=None, inputs=None)

# Tensor.backward: a dispatch hook for tensor subclasses,
# then torch.autograd.backward.
print(without_annotations(torch.Tensor.backward))
#> (self, gradient=None, retain_graph=None, create_graph=False, inputs=None)
source = inspect.getsource(torch.Tensor.backward)
start = source.index("torch.autograd.backward(")
print(next(line.strip() for line in source.splitlines()
           if "has_torch_function" in line))
#> if has_torch_function_unary(self):
call = source[start:source.index(")", start) + 1]
call = " ".join(call.split()).replace("( ", "(").replace(" )", ")")
print(textwrap.fill(call, 72, subsequent_indent="    "))
#> torch.autograd.backward(self, gradient, retain_graph, create_graph,
#>     inputs=inputs)
