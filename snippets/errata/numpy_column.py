"""`x0.data.numpy([:, 0])` is not Python; index the array numpy() returns."""
import torch

try:
    compile("x0.data.numpy([:, 0])", "note", "eval")
except SyntaxError as err:
    print("SyntaxError:", err.msg)
    #> SyntaxError: invalid syntax

x0 = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
print(x0.numpy()[:, 0])  # a tensor without grad needs no .data
#> [1. 3.]
x0 = x0.requires_grad_()
print(x0.detach().numpy()[:, 0])  # with grad: detach() first
#> [1. 3.]
