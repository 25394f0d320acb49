"""Exercise: which of these can be walked back twice?"""
import torch

for name, make in [("w + 1", lambda w: w + 1), ("w * 3", lambda w: w * 3)]:
    w = torch.tensor([1.0], requires_grad=True)
    y = make(w)
    saved = {n: getattr(y.grad_fn, n) for n in dir(y.grad_fn) if n.startswith("_saved_")}
    print(name, type(y.grad_fn).__name__, saved)
    #> w + 1 AddBackward0 {'_saved_alpha': 1}
    #> w * 3 MulBackward0 {'_saved_other': tensor(3), '_saved_self': None}
    y.backward()
    try:
        y.backward()
        print("  second backward works:", w.grad)
        #>   second backward works: tensor([2.])
    except RuntimeError as err:
        print("  second backward fails:", str(err).split(" (")[0])
        #>   second backward fails: Trying to backward through the graph a second time
