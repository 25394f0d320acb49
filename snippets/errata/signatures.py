"""The signatures the note copied by hand, read from the installed torch."""
import ast
import inspect
import textwrap

import torch


def without_annotations(fn):
    sig = inspect.signature(fn)
    params = [p.replace(annotation=p.empty) for p in sig.parameters.values()]
    return sig.replace(parameters=params, return_annotation=sig.empty)


for fn in (torch.autograd.backward, torch.autograd.grad):
    print(textwrap.fill(str(without_annotations(fn)), 72,
                        subsequent_indent=" "))
    #> (tensors, grad_tensors=None, retain_graph=None, create_graph=False,
    #>  grad_variables=None, inputs=None)
    #> (outputs, inputs, grad_outputs=None, retain_graph=None,
    #>  create_graph=False, only_inputs=True, allow_unused=None,
    #>  is_grads_batched=False, materialize_grads=False)

try:  # the note's default, as Python reads it
    exec("def backward(tensors, grad_tensors=None, retain_graph=none): pass")
except NameError as err:
    print(err)
    #> name 'none' is not defined

# Tensor.backward is more than one call: its statements, without the docstring.
tree = ast.parse(textwrap.dedent(inspect.getsource(torch.Tensor.backward)))
for statement in tree.body[0].body[1:]:
    for line in ast.unparse(statement).splitlines():  # long lines wrapped
        print(textwrap.fill(line, 72, subsequent_indent=" " * 8))
        #> if has_torch_function_unary(self):
        #>     return handle_torch_function(Tensor.backward, (self,), self,
        #>         gradient=gradient, retain_graph=retain_graph,
        #>         create_graph=create_graph, inputs=inputs)
        #> torch.autograd.backward(self, gradient, retain_graph, create_graph,
        #>         inputs=inputs)
