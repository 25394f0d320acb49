"""Autograd from scratch: a scalar Value,
checked against torch number for number."""
# --8<-- [start:value]
import math
import textwrap


class Value:
    """A number that remembers where it came from, so that gradients can
    flow back."""

    def __init__(self, data, inputs=()):
        self.data = data  # the number itself
        self.grad = 0  # d(output)/d(self), filled in by backward()
        self._inputs = inputs  # the Values this one was computed from
        self._backward = lambda: None  # a leaf has nobody to pass a gradient to

    def __repr__(self):
        return f"Value({self.data})"
# --8<-- [end:value]


# --8<-- [start:add_mul]
def add(self, other):
    other = other if isinstance(other, Value) else Value(other)
    out = Value(self.data + other.data, (self, other))

    def _backward():  # d(a + b)/da = 1, d(a + b)/db = 1
        self.grad += out.grad
        other.grad += out.grad
    out._backward = _backward
    return out


def mul(self, other):
    other = other if isinstance(other, Value) else Value(other)
    out = Value(self.data * other.data, (self, other))

    def _backward():  # d(ab)/da = b, d(ab)/db = a
        self.grad += out.grad * other
        other.grad += out.grad * self
    out._backward = _backward
    return out


Value.__add__ = add  # a + b now calls add(a, b)
Value.__mul__ = mul
# --8<-- [end:add_mul]


# --8<-- [start:functions]
def power(self, n):  # n is a plain number
    out = Value(self.data**n, (self,))

    def _backward():  # d(a^n)/da = n a^(n-1)
        self.grad += out.grad * n * self ** (n - 1)
    out._backward = _backward
    return out


def exp(self):
    out = Value(math.exp(self.data), (self,))

    def _backward():  # d(e^a)/da = e^a
        self.grad += out.grad * out
    out._backward = _backward
    return out


def log(self):
    out = Value(math.log(self.data), (self,))

    def _backward():  # d(ln a)/da = 1/a
        self.grad += out.grad * self**-1
    out._backward = _backward
    return out


def sigmoid(self):
    out = Value(1 / (1 + math.exp(-self.data)), (self,))

    def _backward():  # d(s)/da = s (1 - s)
        self.grad += out.grad * out * (1 - out)
    out._backward = _backward
    return out


Value.__pow__ = power
Value.exp = exp
Value.log = log
Value.sigmoid = sigmoid
# --8<-- [end:functions]

# --8<-- [start:shortcuts]
# The rest of arithmetic, built from + and *: -a, a - b, 1 + a, 1 - a, 2 * a.
Value.__neg__ = lambda self: self * -1
Value.__sub__ = lambda self, other: self + -other
Value.__radd__ = lambda self, other: self + other
Value.__rsub__ = lambda self, other: -self + other
Value.__rmul__ = lambda self, other: self * other
# --8<-- [end:shortcuts]


# --8<-- [start:backward]
def topological_order(self):
    """Every Value that self depends on, each one after all of its inputs."""
    order, seen = [], set()

    def visit(node):
        if node not in seen:
            seen.add(node)
            for child in node._inputs:
                visit(child)
            order.append(node)
    visit(self)
    return order


def backward(self, gradient=1.0):
    order = topological_order(self)
    for node in order:
        # an inner node only passes gradients on: start it at 0
        if node._inputs:
            node.grad = 0
    self.grad = Value(gradient)  # d(self)/d(self) = 1, or the weight given
    for node in reversed(order):  # from the output back to the leaves
        node._backward()


Value.backward = backward
# --8<-- [end:backward]


# --8<-- [start:running_example]
import torch

# The engine: y = (x + w)(w + 1) with w = 1, x = 2.
w = Value(1.0)
x = Value(2.0)
a = x + w
b = w + 1
y = a * b
y.backward()

# torch: the same graph.
w_t = torch.tensor(1.0, requires_grad=True)
x_t = torch.tensor(2.0, requires_grad=True)
a_t = x_t + w_t
b_t = w_t + 1
a_t.retain_grad()  # keep the .grad of the intermediate tensors too
b_t.retain_grad()
y_t = a_t * b_t
y_t.backward()

print("w.grad", w.grad.data, " torch", w_t.grad.item())
#> w.grad 5.0  torch 5.0
print("x.grad", x.grad.data, " torch", x_t.grad.item())
#> x.grad 2.0  torch 2.0
# the path through a brings b
print("a.grad", a.grad.data, " torch", a_t.grad.item())
#> a.grad 2.0  torch 2.0
# the path through b brings a
print("b.grad", b.grad.data, " torch", b_t.grad.item())
#> b.grad 3.0  torch 3.0
# --8<-- [end:running_example]

# --8<-- [start:two_outputs]
def torch_w_grad(weights):
    """torch, as on the backward page: one call, the two outputs weighted."""
    w_t = torch.tensor([1.0], requires_grad=True)
    x_t = torch.tensor([2.0], requires_grad=True)
    a_t = x_t + w_t
    b_t = w_t + 1
    loss = torch.cat([a_t * b_t, a_t + b_t])
    loss.backward(gradient=torch.tensor(weights))
    return w_t.grad.item()


# The engine: y1 = ab and y2 = a + b, each seeded with its weight.
w = Value(1.0)
x = Value(2.0)
a = x + w
b = w + 1
y1 = a * b
y2 = a + b
y1.backward(1.0)
y2.backward(2.0)  # adds to w.grad: 1 * 5 + 2 * 2
print("weights 1, 2:", w.grad.data, " torch", torch_w_grad([1.0, 2.0]))
#> weights 1, 2: 9.0  torch 9.0

w.grad = 0
x.grad = 0
y1.backward(1.0)
y2.backward(1.0)  # 1 * 5 + 1 * 2
print("weights 1, 1:", w.grad.data, " torch", torch_w_grad([1.0, 1.0]))
#> weights 1, 1: 7.0  torch 7.0
# --8<-- [end:two_outputs]

# --8<-- [start:second_derivative]
# y = x^2 at x = 3: dy/dx = 2x, d2y/dx2 = 2.
x = Value(3.0)
y = x**2
y.backward()
# a Value with a graph of its own: the backward pass was recorded
first = x.grad
x.grad = 0
first.backward()  # differentiate the derivative

x_t = torch.tensor(3.0, requires_grad=True)
y_t = x_t**2
(first_t,) = torch.autograd.grad(y_t, x_t, create_graph=True)
(second_t,) = torch.autograd.grad(first_t, x_t)
print("first ", first.data, " torch", first_t.item())
#> first  6.0  torch 6.0
print("second", x.grad.data, " torch", second_t.item())
#> second 2.0  torch 2.0
# --8<-- [end:second_derivative]

# --8<-- [start:logistic]
# The recipe's training data: its first 80 points of each cloud, labels 0 and 1.
torch.manual_seed(10)
n, mean, shift, k = 100, 1.7, 1.0, 80
cloud0 = torch.normal(mean * torch.ones(n, 2), 1) + shift
cloud1 = torch.normal(-mean * torch.ones(n, 2), 1) + shift
train_x = torch.cat((cloud0[:k], cloud1[:k]))
train_y = torch.cat((torch.zeros(k), torch.ones(k)))

# torch: nn.Linear + BCEWithLogitsLoss + plain SGD
# (no momentum, unlike the recipe).
model = torch.nn.Linear(2, 1)
loss_fn = torch.nn.BCEWithLogitsLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

# The engine: the same starting weights, as Values.
w1 = Value(model.weight[0, 0].item())
w2 = Value(model.weight[0, 1].item())
b = Value(model.bias[0].item())
points = train_x.tolist()
labels = train_y.tolist()

gaps = []  # |engine - torch| of every loss and final weight
for step in range(5):
    losses = []
    for (x1, x2), label in zip(points, labels):
        z = w1 * x1 + w2 * x2 + b  # the score (logit) of the point
        # BCE in the score: ln(1 + e^z) - yz
        losses.append((1 + z.exp()).log() - label * z)
    loss = sum(losses) * (1 / len(losses))  # the mean binary cross-entropy
    for param in (w1, w2, b):
        param.grad = 0
    loss.backward()
    for param in (w1, w2, b):
        param.data -= 0.1 * param.grad.data

    loss_t = loss_fn(model(train_x).squeeze(1), train_y)
    optimizer.zero_grad()
    loss_t.backward()
    optimizer.step()
    gaps.append(abs(loss.data - loss_t.item()))
    print(f"step {step}  loss {loss.data:.6f}  torch {loss_t.item():.6f}")
    #> step 0  loss 0.394292  torch 0.394292
    #> step 1  loss 0.358699  torch 0.358700
    #> step 2  loss 0.331612  torch 0.331612
    #> step 3  loss 0.310204  torch 0.310204
    #> step 4  loss 0.292771  torch 0.292771

(w1_t, w2_t), b_t = model.weight[0].tolist(), model.bias.item()
print(f"w1 {w1.data:.6f}  torch {w1_t:.6f}")
#> w1 -0.241104  torch -0.241104
print(f"w2 {w2.data:.6f}  torch {w2_t:.6f}")
#> w2 -0.593085  torch -0.593085
print(f"b  {b.data:.6f}  torch {b_t:.6f}")
#> b  0.172401  torch 0.172401
gaps += [abs(w1.data - w1_t), abs(w2.data - w2_t), abs(b.data - b_t)]
# float32 keeps about 7 significant digits
print("every gap below 1e-6:", max(gaps) < 1e-6)
#> every gap below 1e-6: True
# --8<-- [end:logistic]

# --8<-- [start:stale_data]
# Changing data before backward: the rule of * reads the new value of w.
w = Value(1.0)
x = Value(2.0)
y = w * x  # dy/dx = w = 1
w.data = 11.0
y.backward()
print("x.grad", x.grad.data)  # should be 1: no error, a wrong gradient
#> x.grad 11.0
# --8<-- [end:stale_data]

# --8<-- [start:exercise_tanh]
def tanh(self):
    out = Value(math.tanh(self.data), (self,))

    def _backward():  # d(tanh a)/da = 1 - tanh(a)^2
        self.grad += out.grad * (1 - out**2)
    out._backward = _backward
    return out


Value.tanh = tanh

x = Value(0.5)
y = (x * 2).tanh()
y.backward()
first = x.grad
x.grad = 0
first.backward()  # the new rule is recorded too: a second derivative for free

x_t = torch.tensor(0.5, requires_grad=True)
y_t = torch.tanh(x_t * 2)
(first_t,) = torch.autograd.grad(y_t, x_t, create_graph=True)
(second_t,) = torch.autograd.grad(first_t, x_t)
print(f"first  {first.data:.6f}  torch {first_t.item():.6f}")
#> first  0.839949  torch 0.839949
print(f"second {x.grad.data:.6f}  torch {second_t.item():.6f}")
#> second -2.558800  torch -2.558800
# --8<-- [end:exercise_tanh]

# --8<-- [start:exercise_bug]
def add_with_bug(self, other):
    other = other if isinstance(other, Value) else Value(other)
    out = Value(self.data + other.data, (self, other))

    def _backward():
        self.grad = out.grad  # = where += belongs
        other.grad = out.grad
    out._backward = _backward
    return out


Value.__add__ = add_with_bug
w = Value(1.0)
x = Value(2.0)
y = (x + w) * (w + 1)
y.backward()
print("w.grad", w.grad.data, " x.grad", x.grad.data)
#> w.grad 2.0  x.grad 2.0
Value.__add__ = add  # the right rule back
# --8<-- [end:exercise_bug]

# --8<-- [start:exercise_retain]
def saves_values(op):
    """op's nodes keep values of the forward pass for their rule: mark them."""
    def marked(*args):
        out = op(*args)
        out._saved = True
        return out
    return marked


# the ops whose backward reads forward values; add reads none: it stays unmarked
Value.__mul__ = saves_values(mul)
Value.__pow__ = saves_values(power)
Value.exp = saves_values(exp)
Value.log = saves_values(log)
Value.sigmoid = saves_values(sigmoid)
Value.tanh = saves_values(tanh)


def freed():
    raise RuntimeError("backward() through this graph a second time: "
                       "pass retain_graph=True to the first call")


def backward_once(self, gradient=1.0, retain_graph=False):
    order = topological_order(self)
    backward(self, gradient)  # the engine's backward, as before
    if not retain_graph:  # like torch freeing what the nodes saved
        for node in order:
            # a node that saved nothing stays usable
            if getattr(node, "_saved", False):
                node._backward = freed


Value.backward = backward_once

# Additions only: nothing was saved, so a second pass works, as in torch.
w = Value(1.0)
x = Value(2.0)
y = (x + w) + (w + 1)
y.backward()
y.backward()
w_t = torch.tensor(1.0, requires_grad=True)
x_t = torch.tensor(2.0, requires_grad=True)
y_t = (x_t + w_t) + (w_t + 1)
y_t.backward()
y_t.backward()
print("w.grad", w.grad.data, " torch", w_t.grad.item())  # dy/dw = 2, twice
#> w.grad 4.0  torch 4.0

# A product saved its inputs: the second pass is refused.
w = Value(1.0)
x = Value(2.0)
y = (x + w) * (w + 1)
y.backward()
try:
    y.backward()
except RuntimeError as err:
    print(textwrap.fill(str(err), 72))
    #> backward() through this graph a second time: pass retain_graph=True to
    #> the first call

w = Value(1.0)
x = Value(2.0)
y = (x + w) * (w + 1)
y.backward(retain_graph=True)
y.backward()  # allowed, and w.grad adds up: 5 + 5
w_t = torch.tensor(1.0, requires_grad=True)
x_t = torch.tensor(2.0, requires_grad=True)
y_t = (x_t + w_t) * (w_t + 1)
y_t.backward(retain_graph=True)
y_t.backward()
print("w.grad", w.grad.data, " torch", w_t.grad.item())
#> w.grad 10.0  torch 10.0
# --8<-- [end:exercise_retain]
