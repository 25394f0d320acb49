"""What autograd returns at a kink: relu and abs at 0, clamp at its bounds."""
import torch

x = torch.tensor([-1.0, 0.0, 0.5, 1.0, 2.0], requires_grad=True)
for name, f in [("relu", torch.relu), ("abs", torch.abs),
                ("clamp(0, 1)", lambda t: t.clamp(0, 1))]:
    (grad,) = torch.autograd.grad(f(x).sum(), x)
    print(f"{name:12}", grad)
    #> relu         tensor([0., 0., 1., 1., 1.])
    #> abs          tensor([-1.,  0.,  1.,  1.,  1.])
    #> clamp(0, 1)  tensor([0., 1., 1., 1., 0.])
