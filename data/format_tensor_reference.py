"""What PyTorch prints for a set of tensors: the reference for helpers.csx's FormatTensor.

Run with Debian's interpreter (python3-torch):

    /usr/bin/python3 data/format_tensor_reference.py

Writes data/reference/format_tensor.json. Each case holds the PyTorch expression, the C# expression that builds
the same tensor with TorchSharp, an optional seed applied before both, and `repr(tensor)` as PyTorch prints it.
"""
import json
import subprocess
from pathlib import Path

import torch

OUT = Path(__file__).resolve().parent / "reference" / "format_tensor.json"

# (name, seed or None, PyTorch expression, C# expression)
CASES = [
    ("float_scalar_integer_valued", None, "torch.tensor(27.)", "torch.tensor(27f)"),
    ("float_scalar_fraction", None, "torch.tensor(2.5)", "torch.tensor(2.5f)"),
    ("float_scalar_tiny", None, "torch.tensor(3e-5)", "torch.tensor(3e-5f)"),
    ("float_scalar_huge", None, "torch.tensor(123456789.)", "torch.tensor(123456789f)"),
    ("float_vector", None, "torch.tensor([1.5, 2.25, -3.125])", "torch.tensor(new float[] { 1.5f, 2.25f, -3.125f })"),
    ("float_vector_integer_valued", None, "torch.tensor([1., -20., 300.])", "torch.tensor(new float[] { 1f, -20f, 300f })"),
    ("float_vector_half_even_rounding", None, "torch.tensor([0.03125, 1.0])", "torch.tensor(new float[] { 0.03125f, 1f })"),
    ("float_vector_wide_range", None, "torch.tensor([0.001, 10.0])", "torch.tensor(new float[] { 0.001f, 10f })"),
    ("float_vector_small_negative", None, "torch.tensor([-1e-5, 2.0])", "torch.tensor(new float[] { -1e-5f, 2f })"),
    ("float_vector_nonfinite", None, "torch.tensor([float('nan'), 1.5, float('inf'), float('-inf')])",
     "torch.tensor(new float[] { float.NaN, 1.5f, float.PositiveInfinity, float.NegativeInfinity })"),
    ("float_vector_zeros", None, "torch.zeros(3)", "torch.zeros(3)"),
    ("float64_vector", None, "torch.tensor([0.1, 0.2], dtype=torch.float64)", "torch.tensor(new double[] { 0.1, 0.2 })"),
    ("int64_vector", None, "torch.tensor([1, -22, 333])", "torch.tensor(new long[] { 1, -22, 333 })"),
    ("int32_vector", None, "torch.tensor([1, 2, 3], dtype=torch.int32)", "torch.tensor(new int[] { 1, 2, 3 })"),
    ("int64_scalar", None, "torch.tensor(7)", "torch.tensor(7L)"),
    ("bool_vector", None, "torch.tensor([True, False])", "torch.tensor(new bool[] { true, false })"),
    ("empty_vector", None, "torch.zeros(0)", "torch.zeros(0)"),
    ("empty_matrix", None, "torch.zeros(2, 0)", "torch.zeros(2, 0)"),
    ("matrix_2x3", None, "torch.arange(6.).reshape(2, 3) / 7", "torch.arange(6f).reshape(2, 3) / 7"),
    ("column_3x1", None, "torch.tensor([[1.1], [2.2], [3.3]])", "torch.tensor(new float[,] { { 1.1f }, { 2.2f }, { 3.3f } })"),
    ("tensor_3d", None, "torch.arange(24).reshape(2, 3, 4)", "torch.arange(24L).reshape(2, 3, 4)"),
    ("vector_1000_not_summarized", None, "torch.arange(1000.) / 8", "torch.arange(1000f) / 8"),
    ("vector_2000_summarized", None, "torch.arange(2000.) / 3", "torch.arange(2000f) / 3"),
    ("int_vector_1001_summarized", None, "torch.arange(1001)", "torch.arange(1001L)"),
    ("matrix_100x20_summarized", None, "torch.arange(2000.).reshape(100, 20) - 1000", "torch.arange(2000f).reshape(100, 20) - 1000"),
    ("matrix_4x300_summarized", None, "torch.arange(1200.).reshape(4, 300) * 1e-3", "torch.arange(1200f).reshape(4, 300) * 1e-3"),
    ("seeded_randn_50x30", 0, "torch.randn(50, 30)", "torch.randn(50, 30)"),
    ("seeded_rand_5x3", 42, "torch.rand(5, 3)", "torch.rand(5, 3)"),
    ("leaf_requires_grad", None, "torch.tensor([1.0, 2.0], requires_grad=True)",
     "torch.tensor(new float[] { 1f, 2f }, requires_grad: true)"),
    ("leaf_requires_grad_long_line", None, "(torch.arange(12.) / 3).requires_grad_()", "(torch.arange(12f) / 3).requires_grad_()"),
    ("non_leaf_mean", None, "(torch.tensor([[1., 2.], [3., 4.]], requires_grad=True) * 3).mean()",
     "(torch.tensor(new float[,] { { 1f, 2f }, { 3f, 4f } }, requires_grad: true) * 3).mean()"),
    ("parameter", None, "torch.nn.Parameter(torch.tensor([[-0.0462]]))",
     "new TorchSharp.Modules.Parameter(torch.tensor(new float[,] { { -0.0462f } }))"),
]


def debian_version(package):
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return out


def main():
    cases = []
    for name, seed, python, csharp in CASES:
        if seed is not None:
            torch.manual_seed(seed)
        tensor = eval(python)
        cases.append({"name": name, "seed": seed, "python": python, "csharp": csharp, "expected": repr(tensor)})
    document = {
        "provenance": {
            "script": "data/format_tensor_reference.py",
            "command": "/usr/bin/python3 data/format_tensor_reference.py",
            "torch": debian_version("python3-torch") or torch.__version__,
            "print_options": "PyTorch defaults (precision 4, threshold 1000, edgeitems 3, linewidth 80)",
        },
        "cases": cases,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {len(cases)} cases to {OUT}")


if __name__ == "__main__":
    main()
