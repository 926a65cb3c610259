"""The five source tutorials' training loops in PyTorch, timed with time.perf_counter; prints one JSON object.

Same sizes, epochs and learning rates as data/make_reference.py (the sources' own code), data made outside the
timed loop. Usage: /usr/bin/python3 tests/Benchmarks/pytorch_loops.py CSV_PATH
"""
import csv
import json
import random
import sys
import time

import torch



def timed(loop):
    start = time.perf_counter()
    steps = loop()
    return {"steps": steps, "seconds": time.perf_counter() - start}


def manual_autograd():
    torch.manual_seed(42)
    inputs = torch.rand(100, 3)
    targets = inputs @ torch.tensor([[1.1], [2.2], [3.3]]) + torch.tensor(4.4) + 0.1 * torch.randn(100, 1)
    w = torch.rand((3, 1), requires_grad=True)
    b = torch.rand((1,), requires_grad=True)
    lr, epoch = 0.003, 10000

    def loop():
        nonlocal w, b
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
        return epoch
    return timed(loop)


class LinearRegression(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = torch.nn.Linear(1, 1)

    def forward(self, x):
        return self.linear(x)


def nn_module():
    torch.manual_seed(42)
    X = torch.rand(100, 1) * 10
    y = 3 * X + 10 + torch.randn(100, 1) * 3
    model = LinearRegression()
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
    loss_function = torch.nn.MSELoss()

    def loop():
        for epoch in range(10000):
            loss = loss_function(model(X), y)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
        return 10000
    return timed(loop)


def make_regression(csv_path):
    with open(csv_path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    X = torch.tensor([[float(r["x"])] for r in rows], dtype=torch.float32)
    y = torch.tensor([float(r["y"]) for r in rows], dtype=torch.float32).view(-1, 1)
    torch.manual_seed(42)
    model = torch.nn.Linear(1, 1)
    criterion = torch.nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)

    def loop():
        for epoch in range(100):
            loss = criterion(model(X), y)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            if (epoch + 1) % 10 == 0:
                print(f"epoch: {epoch + 1}, loss = {loss.item():.4f}", file=sys.stderr)
        return 100
    return timed(loop)


def from_scratch():
    torch.manual_seed(42)
    true_w, true_b = torch.tensor([2, -3.4]), 4.2
    features = torch.normal(0, 1, (1000, 2))
    labels = torch.matmul(features, true_w) + true_b
    labels += torch.normal(0, 0.01, labels.shape)
    labels = labels.reshape((-1, 1))
    w = torch.normal(0, 0.01, size=(2, 1), requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    batch_size, lr, num_epochs = 10, 0.03, 3

    def data_iter():
        indices = list(range(1000))
        random.shuffle(indices)
        for i in range(0, 1000, batch_size):
            batch_indices = torch.tensor(indices[i:min(i + batch_size, 1000)])
            yield features[batch_indices], labels[batch_indices]

    def linreg(X):
        return torch.matmul(X, w) + b

    def squared_loss(y_hat, y):
        return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2

    def loop():
        steps = 0
        for epoch in range(num_epochs):
            for X, y in data_iter():
                l = squared_loss(linreg(X), y)
                l.sum().backward()
                with torch.no_grad():
                    for param in [w, b]:
                        param -= lr * param.grad / batch_size
                        param.grad.zero_()
                steps += 1
            with torch.no_grad():
                train_l = squared_loss(linreg(features), labels)
                print(f"epoch {epoch + 1}, loss {float(train_l.mean()):f}", file=sys.stderr)
        return steps
    return timed(loop)


def autograd_requires_grad():
    torch.manual_seed(42)
    x = torch.rand([50])
    y = 3 * x + 0.8
    w = torch.rand(1, requires_grad=True)
    b = torch.rand(1, requires_grad=True)

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

    def loop():
        for i in range(3000):
            loss = loss_fn(y, x * w + b)
            if i % 500 == 0:
                print(i, loss.item(), file=sys.stderr)
            optimize(0.01)
        return 3000
    return timed(loop)


if __name__ == "__main__":
    print(json.dumps({
        "torch": torch.__version__,
        "01-manual-autograd": manual_autograd(),
        "02-nn-module": nn_module(),
        "03-make-regression": make_regression(sys.argv[1]),
        "04-linear-regression-from-scratch": from_scratch(),
        "05-autograd-requires-grad": autograd_requires_grad(),
    }))
