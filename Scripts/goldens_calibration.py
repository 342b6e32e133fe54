#!/usr/bin/env python3
"""Golden data for MoodifyLearn's calibration tests (expected calibration error, temperature scaling, log loss).

Writes Tests/MoodifyLearnTests/Golden/sklearn/calibration.json: float32 probability rows of an over-confident
six-class "model" (softmax of 3 × random logits, labels drawn from the logits' own softmax), their ECE over 15 bins
as Guo et al.'s NumPy recipe computes it, scikit-learn's log_loss, the NLL-minimising temperature found by SciPy, and
the rows rescaled by temperature 2.

Run from the package root:  python3 Scripts/goldens_calibration.py
"""

import json
import os

import numpy as np
from scipy.optimize import minimize_scalar
from sklearn.metrics import log_loss

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "MoodifyLearnTests", "Golden", "sklearn", "calibration.json")


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def ece(y, p, bins=15):
    """Guo et al.'s ECE: confidences in equal-width bins (lower, upper]."""
    confidence, predicted = p.max(axis=1), p.argmax(axis=1)
    hits = predicted == y
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lower, upper in zip(edges[:-1], edges[1:]):
        inside = (confidence > lower) & (confidence <= upper)
        if inside.any():
            total += inside.mean() * abs(hits[inside].mean() - confidence[inside].mean())
    return total


def nll(y, p, temperature):
    q = softmax(np.log(p) / temperature)
    return -np.mean(np.log(q[np.arange(len(y)), y]))


rng = np.random.default_rng(8)
logits = rng.normal(size=(300, 6))
y = np.array([rng.choice(6, p=row) for row in softmax(logits)])
probabilities = softmax(3 * logits).astype(np.float32)
p64 = probabilities.astype(np.float64)
fit = minimize_scalar(lambda t: nll(y, p64, np.exp(t)), bounds=(np.log(1e-3), np.log(1e3)), method="bounded",
                      options={"xatol": 1e-10})
golden = {
    "rows": len(y), "cols": 6, "y": y.tolist(), "probabilities": [float(v) for v in probabilities.ravel()],
    "ece15": ece(y, p64), "ece5": ece(y, p64, 5), "logLoss": log_loss(y, p64 / p64.sum(axis=1, keepdims=True), labels=list(range(6))),
    "temperature": float(np.exp(fit.x)), "nllAtTemperature": float(fit.fun),
    "scaledBy2": [float(v) for v in softmax(np.log(p64) / 2).ravel()],
}
with open(OUT, "w") as f:
    json.dump(golden, f)
print(f"wrote {OUT}: ECE {golden['ece15']:.4f}, T {golden['temperature']:.4f}")
