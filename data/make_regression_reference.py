"""scikit-learn's make_regression arrays for several argument sets, the reference for helpers.csx's MakeRegression.

Run from anywhere with Debian's interpreter (python3-sklearn, python3-numpy):

    /usr/bin/python3 data/make_regression_reference.py

Writes data/reference/make_regression.json. Floats are written with Python's repr (shortest round-trip form), so
parsing them gives the exact doubles scikit-learn returned. No timestamp: re-running gives a byte-identical file.
"""
import json
import platform
from pathlib import Path

import numpy as np
import sklearn
from sklearn import datasets

OUT_PATH = Path(__file__).resolve().parent / "reference" / "make_regression.json"
COMMAND = "/usr/bin/python3 data/make_regression_reference.py"

# Each case names what it exercises. Every call passes coef=True; effective_rank and n_targets stay at their defaults.
CASES = [
    ("notebook-05", "notebook 05's call (the source's), 100 standard normals so no cached Gaussian is left over",
     dict(n_samples=100, n_features=1, noise=20, random_state=1)),
    ("sklearn-defaults", "every default: 100 x 100, 10 informative features, no noise, shuffled",
     dict(random_state=0)),
    ("no-shuffle-no-noise-bias", "5 features of which 3 informative, bias 2.5, no noise, no shuffle",
     dict(n_samples=50, n_features=5, n_informative=3, bias=2.5, noise=0.0, shuffle=False, random_state=42)),
    ("odd-draws-shuffled", "37 x 3 = 111 standard normals (odd), so the first noise value is the cached Gaussian",
     dict(n_samples=37, n_features=3, n_informative=2, bias=-10.0, noise=5.0, shuffle=True, random_state=42)),
    ("odd-draws-unshuffled", "25 x 7 = 175 standard normals (odd), all features informative, no shuffle",
     dict(n_samples=25, n_features=7, n_informative=7, noise=1.5, shuffle=False, random_state=0)),
    ("largest-int-seed", "seed 2**31 - 1, the largest a C# int holds",
     dict(n_samples=60, n_features=4, n_informative=2, bias=3.0, noise=10.0, shuffle=True, random_state=2**31 - 1)),
    ("more-informative-than-features", "n_informative 10 > n_features 3 (clipped to 3), 10 x 3 = 30 draws",
     dict(n_samples=10, n_features=3, n_informative=10, noise=0.5, shuffle=True, random_state=7)),
    ("wide-and-long", "200 x 20 (4000 draws), 5 informative, bias 100, large seed, shuffled",
     dict(n_samples=200, n_features=20, n_informative=5, bias=100.0, noise=3.0, random_state=123456789)),
]

# make_regression's defaults, written into every case so a reader (and the C# test) needs no knowledge of them.
DEFAULTS = dict(n_samples=100, n_features=100, n_informative=10, bias=0.0, noise=0.0, shuffle=True, random_state=None)


def array_entry(a):
    a = np.asarray(a, dtype=np.float64)
    return {"shape": list(a.shape), "values": [float(v) for v in a.ravel()]}


def case_entry(name, what, args):
    full = {**DEFAULTS, **args}
    X, y, coef = datasets.make_regression(**full, coef=True)
    return {
        "name": name,
        "what": what,
        "args": {k: (float(v) if k in ("bias", "noise") else v) for k, v in full.items()},
        "X": array_entry(X),
        "y": array_entry(y),
        "coef": array_entry(coef),
    }


def main():
    document = {
        "provenance": {
            "script": "data/make_regression_reference.py",
            "command": COMMAND,
            "call": "sklearn.datasets.make_regression(**args, coef=True)",
            "sklearn": sklearn.__version__,
            "numpy": np.__version__,
            "python": platform.python_version(),
            "notes": [
                "scikit-learn squeezes coef (and y): with n_features=1 coef has shape [] although it holds one value.",
            ],
        },
        "cases": [case_entry(*case) for case in CASES],
    }
    OUT_PATH.parent.mkdir(parents=True, exist_ok=True)
    OUT_PATH.write_text(json.dumps(document, indent=1) + "\n")
    print(f"wrote {OUT_PATH} ({len(CASES)} cases)")


if __name__ == "__main__":
    main()
