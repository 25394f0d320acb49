"""gradcheck in float32: a warning, then an error;
raise_exception=False returns False."""
import textwrap
import warnings

import torch


def f(w, x):
    return (x + w) * (w + 1)


w = torch.tensor([1.0], requires_grad=True)  # float32
x = torch.tensor([2.0], requires_grad=True)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    try:
        torch.autograd.gradcheck(f, (w, x))
    except RuntimeError as err:
        print(type(err).__name__)
        #> GradcheckError
        print(str(err).strip())
        #> Jacobian mismatch for output 0 with respect to input 0,
        #> numerical:tensor([[4.7684]])
        #> analytical:tensor([[5.]])
    print(torch.autograd.gradcheck(f, (w, x), raise_exception=False))
    #> False
print(textwrap.fill(str(caught[0].message).split(". ")[0], 72))
#> Input #0 requires gradient and is not a double precision floating point
#> or complex
