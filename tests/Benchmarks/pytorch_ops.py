"""What each piece of notebook 02's step costs in PyTorch, in microseconds; prints one JSON object {row: us}.

The rows and their code mirror OpCosts.cs line for line (the source tutorial's step, split up).
Usage: /usr/bin/python3 tests/Benchmarks/pytorch_ops.py
"""
import json
import statistics
import time

import torch

CALLS, BATCHES = 20000, 5


def cost(step):
    for _ in range(CALLS // 10):
        step()
    batches = []
    for _ in range(BATCHES):
        start = time.perf_counter()
        for _ in range(CALLS):
            step()
        batches.append((time.perf_counter() - start) * 1e6 / CALLS)
    return statistics.median(batches)


torch.manual_seed(42)
inputs, targets = torch.rand(100, 3), torch.rand(100, 1)
w = torch.rand((3, 1), requires_grad=True)
b = torch.rand((1,), requires_grad=True)
lr = 0.003
outputs = inputs @ w + b
scalar = torch.mean(outputs.detach())
(w.sum() + b.sum()).backward()


def forward():
    outputs = inputs @ w + b
    return torch.mean(torch.square(outputs - targets))


def update():
    with torch.no_grad():
        w.sub_(lr * w.grad)
        b.sub_(lr * b.grad)


def zero():
    w.grad.zero_()
    b.grad.zero_()


def step():
    loss = forward()
    loss.item()
    loss.backward()
    update()
    zero()


rows = {
    "inputs.matmul(w)": lambda: inputs @ w,
    "outputs + b": lambda: outputs + b,
    "loss.item()": lambda: scalar.item(),
    "lr * w.grad": lambda: lr * w.grad,
    "w.grad.zero_()": lambda: w.grad.zero_(),
    "forward: matmul, +, -, square, mean": forward,
    "forward + loss.backward()": lambda: forward().backward(),
    "update under no_grad: w.sub_(lr * w.grad), b too": update,
    "w.grad.zero_(), b.grad.zero_()": zero,
    "the whole step": step,
}
print(json.dumps({"torch": torch.__version__, **{name: cost(run) for name, run in rows.items()}}))
