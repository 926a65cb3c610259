"""Reference values for the five notebooks, made by running each source tutorial's own PyTorch code.

Run from anywhere with Debian's interpreter (python3-torch, python3-sklearn):

    /usr/bin/python3 data/make_reference.py

Writes data/make_regression.csv, data/make_regression.coef.json and data/reference/<notebook-stem>.json.
Each tutorial below keeps the source's calls in the source's order, so the random draws after
torch.manual_seed(SEED) are the ones the C# notebooks make with TorchSharp (whose generator is PyTorch's).
The output holds no timestamp: running the script twice gives byte-identical files.
"""
import csv
import json
import platform
import random
import subprocess
from pathlib import Path

import numpy as np
import sklearn
import torch
from sklearn import datasets

SEED = 42
DATA_DIR = Path(__file__).resolve().parent
REFERENCE_DIR = DATA_DIR / "reference"
CSV_PATH = DATA_DIR / "make_regression.csv"
COEF_PATH = DATA_DIR / "make_regression.coef.json"
COMMAND = "/usr/bin/python3 data/make_reference.py"
MAKE_REGRESSION_ARGS = dict(n_samples=100, n_features=1, noise=20, random_state=1)


def debian_version(package):
    """Upstream part of an installed Debian package's version, or None off Debian."""
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package],
                             capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.split(":")[-1].split("+")[0].split("-")[0]


def provenance(source, notes=()):
    # torch.__version__ of Debian's python3-torch 1.13.1 reads "1.13.0a0", so the package version is recorded too.
    return {
        "script": "data/make_reference.py",
        "command": COMMAND,
        "source": source,
        "torch": debian_version("python3-torch") or torch.__version__,
        "torch_version_string": torch.__version__,
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "device": "cpu",
        "seed": SEED,
        "notes": list(notes),
    }


def tensor_entry(t):
    t = t.detach()
    if t.dtype != torch.float32:
        raise TypeError(f"reference values must be float32 tensors, got {t.dtype}")
    return {"shape": list(t.shape), "values": [float(v) for v in t.reshape(-1).tolist()]}


def floats_entry(numbers):
    """Printed losses (Python floats of float32 tensors) stored like a 1-D float32 tensor."""
    return tensor_entry(torch.tensor(numbers, dtype=torch.float32))


def scalar_entry(number):
    """A printed scalar (loss.item(), a 0-d tensor) stored as a 0-d float32 tensor: shape [], one value."""
    return tensor_entry(torch.tensor(number, dtype=torch.float32))


def write_json(path, document):
    # One value per line keeps diffs readable while the numbers stay on one line each.
    lines = ["{", f' "provenance": {json.dumps(document["provenance"], ensure_ascii=False)},', ' "values": {']
    entries = list(document["values"].items())
    for i, (key, entry) in enumerate(entries):
        comma = "," if i < len(entries) - 1 else ""
        lines.append(f"  {json.dumps(key)}: {json.dumps(entry)}{comma}")
    lines += [" }", "}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def train_manual_autograd(inputs, targets, w, b, epoch=10000, lr=0.003):
    """The source's loop; returns every iteration's loss (the source prints each one)."""
    losses = []
    for i in range(epoch):
        outputs = inputs @ w + b
        loss = torch.mean(torch.square(outputs - targets))
        losses.append(loss.item())
        loss.backward()
        with torch.no_grad():
            w -= lr * w.grad
            b -= lr * b.grad
        w.grad.zero_()
        b.grad.zero_()
    return losses


def manual_autograd():
    """Seed 000: manual loop with requires_grad parameters, update under no_grad, zero_ the gradients."""
    device = torch.device("cpu")
    torch.manual_seed(SEED)
    inputs = torch.rand(100, 3)
    weights = torch.tensor([[1.1], [2.2], [3.3]])
    bias = torch.tensor(4.4)
    targets = inputs @ weights + bias + 0.1 * torch.randn(100, 1)

    w = torch.rand((3, 1), requires_grad=True, device=device)
    b = torch.rand((1,), requires_grad=True, device=device)
    values = {"inputs": tensor_entry(inputs), "targets": tensor_entry(targets),
              "initial.w": tensor_entry(w), "initial.b": tensor_entry(b)}

    inputs = inputs.to(device)
    targets = targets.to(device)
    losses = train_manual_autograd(inputs, targets, w, b)

    values.update({"w": tensor_entry(w), "b": tensor_entry(b),
                   "loss.first": scalar_entry(losses[0]), "loss.last": scalar_entry(losses[-1]),
                   "losses.every1000": floats_entry(losses[::1000])})
    notes = ["The source prints the loss every iteration; loss.first is iteration 0, loss.last iteration 9999 "
             "(both computed before that iteration's update), losses.every1000 iterations 0, 1000, ..., 9000.",
             "Run on CPU (the source uses CUDA when available)."]
    return values, provenance("/work/shared/seeds/000_67cb6c4d600fb31f.txt", notes)


class LinearRegression(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = torch.nn.Linear(in_features=1, out_features=1, bias=True)

    def forward(self, x):
        return self.linear(x)


def train_nn_module(model, optimizer, loss_function, X, y, epochs=10000):
    """The source's loop: forward, loss, backward, step, zero_grad."""
    for epoch in range(epochs):
        predict_y = model(X)
        loss = loss_function(predict_y, y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()


def nn_module():
    """Seed 001: LinearRegression(Module) wrapping Linear(1, 1), SGD lr 1e-3, MSELoss, 10000 epochs."""
    torch.manual_seed(SEED)
    X = torch.rand(100, 1) * 10
    y = 3 * X + 10 + torch.randn(100, 1) * 3
    model = LinearRegression()
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
    values = {"X": tensor_entry(X), "y": tensor_entry(y),
              "initial.model.linear.weight": tensor_entry(model.linear.weight),
              "initial.model.linear.bias": tensor_entry(model.linear.bias)}

    train_nn_module(model, optimizer, torch.nn.MSELoss(), X, y)

    values.update({"model.linear.weight": tensor_entry(model.linear.weight),
                   "model.linear.bias": tensor_entry(model.linear.bias)})
    return values, provenance("/work/shared/seeds/001_b21bb5d37653788f.txt")


def write_make_regression_csv():
    X_numpy, y_numpy, coef = datasets.make_regression(**MAKE_REGRESSION_ARGS, coef=True)
    with CSV_PATH.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["x", "y"])
        for x_row, y_value in zip(X_numpy, y_numpy):
            writer.writerow([repr(float(x_row[0])), repr(float(y_value))])
    coef_document = {"provenance": {"script": "data/make_reference.py", "command": COMMAND,
                                    "call": "sklearn.datasets.make_regression(n_samples=100, n_features=1, "
                                            "noise=20, random_state=1, coef=True)",
                                    "sklearn": sklearn.__version__, "numpy": np.__version__,
                                    "python": platform.python_version()},
                     "coef": [float(c) for c in np.atleast_1d(coef)], "bias": 0.0, "noise": 20.0}
    COEF_PATH.write_text(json.dumps(coef_document, indent=1) + "\n", encoding="utf-8")


def read_make_regression_csv():
    with CSV_PATH.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return np.array([[float(r["x"])] for r in rows]), np.array([float(r["y"]) for r in rows])


def train_make_regression(model, criterion, optimizer, X, y, num_epochs=100):
    """The source's loop; returns the losses it prints every 10 epochs."""
    losses = []
    for epoch in range(num_epochs):
        y_predicted = model(X)
        loss = criterion(y_predicted, y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        if (epoch + 1) % 10 == 0:
            losses.append(loss.item())
    return losses


def make_regression_pipeline():
    """Seed 002: sklearn make_regression, float32, y as a column, Linear(n_features, 1), 100 epochs at lr 0.01."""
    X_numpy, y_numpy = datasets.make_regression(**MAKE_REGRESSION_ARGS)
    csv_X, csv_y = read_make_regression_csv()
    if not (np.array_equal(csv_X, X_numpy) and np.array_equal(csv_y, y_numpy)):
        raise RuntimeError(f"{CSV_PATH} does not round-trip the make_regression arrays exactly")

    X = torch.from_numpy(X_numpy.astype(np.float32))
    y = torch.from_numpy(y_numpy.astype(np.float32))
    y = y.view(y.shape[0], 1)
    n_samples, n_features = X.shape

    torch.manual_seed(SEED)  # make_regression draws from numpy, so the first torch draw is Linear's init
    input_size = n_features
    output_size = 1
    model = torch.nn.Linear(input_size, output_size)
    values = {"X": tensor_entry(X), "y": tensor_entry(y),
              "initial.model.weight": tensor_entry(model.weight),
              "initial.model.bias": tensor_entry(model.bias)}

    learning_rate = 0.01
    criterion = torch.nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
    losses = train_make_regression(model, criterion, optimizer, X, y)

    values.update({"model.weight": tensor_entry(model.weight), "model.bias": tensor_entry(model.bias),
                   "losses": floats_entry(losses)})
    notes = ["X and y are the float32 conversions of data/make_regression.csv (identical to make_regression's "
             "float64 arrays).",
             "losses are the values printed at epochs 10, 20, ..., 100, each computed before that epoch's step."]
    return values, provenance("/work/shared/seeds/002_ffbab24392849740.txt", notes)


def synthetic_data(w, b, num_examples):
    X = torch.normal(0, 1, (num_examples, len(w)))
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.01, y.shape)
    return X, y.reshape((-1, 1))


def data_iter(batch_size, features, labels):
    num_examples = len(features)
    indices = list(range(num_examples))
    random.shuffle(indices)
    for i in range(0, num_examples, batch_size):
        batch_indices = torch.tensor(indices[i:min(i + batch_size, num_examples)])
        yield features[batch_indices], labels[batch_indices]


def linreg(X, w, b):
    return torch.matmul(X, w) + b


def squared_loss(y_hat, y):
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2


def sgd(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
            param.grad.zero_()


def train_from_scratch(features, labels, w, b, batch_size, lr=0.03, num_epochs=3):
    """The source's loop; returns the full-data loss it prints after each epoch."""
    net = linreg
    loss = squared_loss
    losses = []
    for epoch in range(num_epochs):
        for X, y in data_iter(batch_size, features, labels):
            l = loss(net(X, w, b), y)
            l.sum().backward()
            sgd([w, b], lr, batch_size)
        with torch.no_grad():
            train_l = loss(net(features, w, b), labels)
            losses.append(float(train_l.mean()))
    return losses


def from_scratch():
    """Seed 003: d2l's synthetic_data, data_iter, linreg, squared_loss, sgd; 3 epochs, lr 0.03, batch 10."""
    torch.manual_seed(SEED)
    random.seed(SEED)  # the source leaves Python's random unseeded; seeded here only to make this file repeatable
    true_w = torch.tensor([2, -3.4])
    true_b = 4.2
    features, labels = synthetic_data(true_w, true_b, 1000)

    batch_size = 10
    for X, y in data_iter(batch_size, features, labels):
        break  # the source prints every batch with time.sleep(2); d2l's intent is to show the first one

    w = torch.normal(0, 0.01, size=(2, 1), requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    values = {"features": tensor_entry(features), "labels": tensor_entry(labels),
              "initial.w": tensor_entry(w), "initial.b": tensor_entry(b)}

    losses = train_from_scratch(features, labels, w, b, batch_size)

    values.update({"python.w": tensor_entry(w), "python.b": tensor_entry(b), "python.losses": floats_entry(losses)})
    notes = ["features, labels, initial.w and initial.b come from torch's generator and must equal the notebook's.",
             "python.w, python.b and python.losses depend on the minibatch order, which the source draws with "
             "Python's random.shuffle (seeded here with random.seed(42), one shuffle spent on the printed first "
             "batch); the C# DataIter shuffles with System.Random, so the notebook's trained w, b and epoch losses "
             "cannot equal these exactly -- compare them only loosely (both should be near w=[2,-3.4], b=4.2).",
             "The source prints every batch of the first data_iter pass with time.sleep(2); here only the first "
             "batch is taken (d2l's intent), which draws nothing from torch."]
    return values, provenance("/work/shared/seeds/003_a318b398a637b5f3.txt", notes)


def train_autograd_regression(x, y, w, b, steps=3000, learning_rate=0.01):
    """Section 3's loop with the source's loss_fn and optimize (.data updates); returns the losses printed every 500."""
    def loss_fn(y, y_predict):
        loss = (y_predict - y).pow(2).mean()
        for i in [w, b]:
            if i.grad is not None:
                i.grad.data.zero_()
        loss.backward()
        return loss.data

    def optimize(learning_rate):
        w.data -= learning_rate * w.grad.data
        b.data -= learning_rate * b.grad.data

    losses = []
    for i in range(steps):
        y_predict = x * w + b
        loss = loss_fn(y, y_predict)
        if i % 500 == 0:
            losses.append(loss.item())
        optimize(learning_rate)
    return losses


def autograd_requires_grad():
    """Seed 004: requires_grad and grad_fn, backward, x.grad = 4.5, then the manual regression on y = 3x + 0.8."""
    torch.manual_seed(SEED)
    # 1.1 forward computation
    x = torch.ones(2, 2, requires_grad=True)
    y = x + 2
    z = y * y * 3
    out = z.mean()

    # 1.2 requires_grad and grad_fn
    a = torch.randn(2, 2)
    a = ((a * 3) / (a - 1))
    a.requires_grad_(True)
    b = (a * a).sum()
    with torch.no_grad():  # the source writes torch.no_gard()
        c = (a * a).sum()

    # 2. gradient computation
    out.backward()
    values = {"a": tensor_entry(a), "c": tensor_entry(c), "o": tensor_entry(out), "x.grad": tensor_entry(x.grad)}

    # 3. linear regression
    x = torch.rand([50])
    y = 3 * x + 0.8
    w = torch.rand(1, requires_grad=True)
    b = torch.rand(1, requires_grad=True)
    values.update({"inputs": tensor_entry(x), "targets": tensor_entry(y),
                   "initial.w": tensor_entry(w), "initial.b": tensor_entry(b)})

    losses = train_autograd_regression(x, y, w, b)

    values.update({"w": tensor_entry(w), "b": tensor_entry(b), "losses": floats_entry(losses)})
    notes = ["Source typos read by intent: `with torch.no_gard():` is torch.no_grad(); the `print(x)` after "
             "`z = y*y*3` prints z (its comment shows 27s).",
             "a is section 1.2's randn(2,2) after `a = ((a*3)/(a-1))`, c is (a*a).sum() under no_grad, o is the "
             "source's out = mean(3(x+2)^2) = 27, x.grad is x.grad after out.backward().",
             "inputs, targets, w, b are section 3's x, y, w, b (the notebook names the data inputs and targets, so "
             "that section 1's x and y keep their meaning); losses are the values printed at steps 0, 500, ..., "
             "2500, each computed before that step's update."]
    return values, provenance("/work/shared/seeds/004_29432a706bfe8c2e.txt", notes)


NOTEBOOKS = {
    "02-manual-autograd": manual_autograd,
    "04-nn-module": nn_module,
    "05-make-regression": make_regression_pipeline,
    "03-linear-regression-from-scratch": from_scratch,
    "01-autograd-requires-grad": autograd_requires_grad,
}


def main():
    write_make_regression_csv()
    REFERENCE_DIR.mkdir(exist_ok=True)
    for stem, tutorial in NOTEBOOKS.items():
        values, prov = tutorial()
        write_json(REFERENCE_DIR / f"{stem}.json", {"provenance": prov, "values": values})
        print(f"wrote data/reference/{stem}.json ({len(values)} values)")


if __name__ == "__main__":
    main()
