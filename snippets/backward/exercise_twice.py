"""Exercise: which of these can be walked back twice?"""
import torch

for name, make in [("w + 1", lambda w: w + 1), ("w * 3", lambda w: w * 3)]:
    w = torch.tensor([1.0], requires_grad=True)
    y = make(w)
    saved = {n: getattr(y.grad_fn, n) for n in dir(y.grad_fn)
             if n.startswith("_saved_")}
    y.backward()
    try:
        y.backward()
        second = f"works: {w.grad}"
    except RuntimeError as err:
        second = "fails: " + str(err).split(" (")[0]
    print(f"{name}: {type(y.grad_fn).__name__} {saved}\n"
          f"  2nd backward {second}")
    #> w + 1: AddBackward0 {'_saved_alpha': 1}
    #>   2nd backward works: tensor([2.])
    #> w * 3: MulBackward0 {'_saved_other': tensor(3), '_saved_self': None}
    #>   2nd backward fails: Trying to backward through the graph a second time
