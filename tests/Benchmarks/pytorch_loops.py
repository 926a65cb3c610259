"""The five source tutorials' training loops in PyTorch, timed with time.perf_counter; prints one JSON object.

The loops are the very functions data/make_reference.py runs to make the reference values (the sources' own
code, same sizes, epochs and learning rates); data and models are made outside the timed part.
Each source tutorial is a script of its own, and the runner starts a process per notebook, so the benchmark
times one loop per process (NAME): a loop timed after others in the same process would find PyTorch warm.
Usage: /usr/bin/python3 tests/Benchmarks/pytorch_loops.py [NAME...]   (default: all five, in one process)
"""
import json
import math
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "data"))
import make_reference as source  # noqa: E402


def timed(train, steps):
    start = time.perf_counter()
    train()
    return {"steps": steps, "seconds": time.perf_counter() - start}


def manual_autograd():
    torch.manual_seed(source.SEED)
    inputs = torch.rand(100, 3)
    targets = inputs @ torch.tensor([[1.1], [2.2], [3.3]]) + torch.tensor(4.4) + 0.1 * torch.randn(100, 1)
    w = torch.rand((3, 1), requires_grad=True)
    b = torch.rand((1,), requires_grad=True)
    return timed(lambda: source.train_manual_autograd(inputs, targets, w, b), 10000)


def nn_module():
    torch.manual_seed(source.SEED)
    X = torch.rand(100, 1) * 10
    y = 3 * X + 10 + torch.randn(100, 1) * 3
    model = source.LinearRegression()
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
    return timed(lambda: source.train_nn_module(model, optimizer, torch.nn.MSELoss(), X, y), 10000)


def make_regression():
    X_numpy, y_numpy = source.read_make_regression_csv()
    X = torch.from_numpy(X_numpy.astype(np.float32))
    y = torch.from_numpy(y_numpy.astype(np.float32)).view(-1, 1)
    torch.manual_seed(source.SEED)
    model = torch.nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    return timed(lambda: source.train_make_regression(model, torch.nn.MSELoss(), optimizer, X, y), 100)


def from_scratch():
    torch.manual_seed(source.SEED)
    random.seed(source.SEED)
    features, labels = source.synthetic_data(torch.tensor([2, -3.4]), 4.2, 1000)
    w = torch.normal(0, 0.01, size=(2, 1), requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    batch_size, num_epochs = 10, 3
    steps = num_epochs * math.ceil(len(features) / batch_size)
    return timed(lambda: source.train_from_scratch(features, labels, w, b, batch_size, num_epochs=num_epochs), steps)


def autograd_requires_grad():
    torch.manual_seed(source.SEED)
    x = torch.rand([50])
    y = 3 * x + 0.8
    w = torch.rand(1, requires_grad=True)
    b = torch.rand(1, requires_grad=True)
    return timed(lambda: source.train_autograd_regression(x, y, w, b), 3000)


LOOPS = {
    "02-manual-autograd": manual_autograd,
    "04-nn-module": nn_module,
    "05-make-regression": make_regression,
    "03-linear-regression-from-scratch": from_scratch,
    "01-autograd-requires-grad": autograd_requires_grad,
}

if __name__ == "__main__":
    names = sys.argv[1:] or list(LOOPS)
    unknown = [n for n in names if n not in LOOPS]
    if unknown:
        sys.exit(f"pytorch_loops.py: unknown loop {unknown[0]!r}; choose from {', '.join(LOOPS)}")
    print(json.dumps({"torch": torch.__version__, **{name: LOOPS[name]() for name in names}}))
