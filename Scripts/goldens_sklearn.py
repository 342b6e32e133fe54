#!/usr/bin/env python3
"""Golden data for MoodifyLearn's preprocessing, splitters, metrics and PCA tests.

Writes small JSON files into Tests/MoodifyLearnTests/Golden/sklearn/ computed by the
Python oracles (scikit-learn, imbalanced-learn, NumPy). Everything is deterministic:
inputs come from numpy.random.default_rng with fixed seeds, or from the CREMA-D file
names listed in this script's output (labels and speakers only, no audio).

Run from the package root:  python3 Scripts/goldens_sklearn.py
Re-run only when the cases below change; the Swift tests read the files through
Bundle.module (Tests/MoodifyLearnTests/*Tests.swift).

Floats are written as JSON numbers; float32 arrays are converted to Python floats,
which represent every float32 exactly, so the Swift side reads them back bit for bit.
"""

import json
import os
import warnings

import numpy as np
import imblearn
import sklearn
from imblearn.over_sampling import SMOTE
from sklearn.decomposition import PCA
from sklearn.metrics import classification_report, confusion_matrix
from sklearn.model_selection import (
    GroupKFold,
    StratifiedGroupKFold,
    StratifiedKFold,
    train_test_split,
)
from sklearn.preprocessing import LabelEncoder, StandardScaler

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "MoodifyLearnTests", "Golden", "sklearn")
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "crema-d-dev")
EMOTIONS = ["ANG", "DIS", "FEA", "HAP", "NEU", "SAD"]


def write(name, payload):
    payload = {"generator": "Scripts/goldens_sklearn.py",
               "versions": {"sklearn": sklearn.__version__, "imblearn": imblearn.__version__,
                            "numpy": np.__version__},
               **payload}
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(payload, f, separators=(",", ":"))
        f.write("\n")


def floats(a):
    return [float(v) for v in np.asarray(a).ravel()]


def ints(a):
    return [int(v) for v in np.asarray(a).ravel()]


def scaler_case():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(40, 6)).astype(np.float32)
    x[:, 1] = x[:, 1] * 1000 + 5000          # large offset and spread
    x[:, 2] = 3.25                            # constant column -> scale 1
    x[:, 3] = x[:, 3] * 1e-3                  # tiny spread
    x[:, 5] = np.round(x[:, 5])               # integers with repeats
    s = StandardScaler().fit(x)
    z = rng.normal(size=(5, 6)).astype(np.float32)
    return {"rows": 40, "cols": 6, "x": floats(x), "mean": floats(s.mean_), "scale": floats(s.scale_),
            "transformed": floats(s.transform(x)), "z": floats(z),
            "inverse": floats(s.inverse_transform(z))}


def encoder_case():
    labels = ["NEU", "ANG", "sad", "Äpfel", "apple", "ANG", "Zebra", "neu", "10", "9", "NEU", "éclair", "e"]
    e = LabelEncoder().fit(labels)
    return {"labels": labels, "classes": [str(c) for c in e.classes_], "codes": ints(e.transform(labels))}


def report_cases():
    cases = []
    rng = np.random.default_rng(7)

    def add(name, y_true, y_pred, names, digits=2):
        labels = list(range(len(names)))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            text = classification_report(y_true, y_pred, labels=labels, target_names=names, digits=digits)
            rep = classification_report(y_true, y_pred, labels=labels, target_names=names,
                                        digits=digits, output_dict=True)
        cases.append({"name": name, "yTrue": ints(y_true), "yPred": ints(y_pred), "labels": names,
                      "digits": digits, "text": text,
                      "confusion": [ints(r) for r in confusion_matrix(y_true, y_pred, labels=labels)],
                      "accuracy": rep["accuracy"] if "accuracy" in rep else None,
                      "macroPrecision": rep["macro avg"]["precision"],
                      "macroRecall": rep["macro avg"]["recall"], "macroF1": rep["macro avg"]["f1-score"],
                      "weightedF1": rep["weighted avg"]["f1-score"]})

    # Six emotions, a noisy classifier that never predicts FEA (precision 0.00 by zero_division).
    y = rng.integers(0, 6, size=300)
    p = np.where(rng.random(300) < 0.6, y, rng.integers(0, 6, size=300))
    p[p == 2] = 4
    add("emotions-never-predicts-FEA", y, p, EMOTIONS)
    # Same, four digits.
    add("emotions-digits-4", y, p, EMOTIONS, digits=4)
    # Values that sit exactly on a rounding boundary: 1/8 = 0.125, 3/8 = 0.375, 5/8 = 0.625.
    yt = [0] * 8 + [1] * 8 + [2] * 8
    yp = [0] * 1 + [1] * 7 + [1] * 3 + [2] * 5 + [2] * 5 + [0] * 3
    add("half-way-rounding", yt, yp, ["a", "b", "c"])
    # Long names widen the first column; nine classes exercise NumPy's unrolled pairwise sum.
    names9 = ["class-%d-with-a-long-name" % i if i % 3 == 0 else "c%d" % i for i in range(9)]
    y9 = rng.integers(0, 9, size=500)
    p9 = np.where(rng.random(500) < 0.45, y9, rng.integers(0, 9, size=500))
    add("nine-long-names", y9, p9, names9)
    # Binary, perfect prediction, non-ASCII name.
    yb = rng.integers(0, 2, size=20)
    add("binary-perfect", yb, yb, ["négatif", "positif"])
    # A class that never occurs in y_true nor y_pred (support 0 everywhere).
    y4 = rng.integers(0, 3, size=60)
    p4 = np.where(rng.random(60) < 0.7, y4, rng.integers(0, 3, size=60))
    add("absent-class", y4, p4, ["ANG", "DIS", "FEA", "HAP"])
    return cases


def corpus_labels():
    names = sorted(n for n in os.listdir(CORPUS) if n.endswith(".flac"))
    speakers = [n.split("_")[0] for n in names]
    y = [EMOTIONS.index(n.split("_")[2]) for n in names]
    return names, y, speakers


def folds_of(splitter, *args, **kw):
    """Each fold's test indices; the training side is always the sorted complement (checked here)."""
    out = []
    n = len(args[0])
    for tr, te in splitter.split(*args, **kw):
        assert list(tr) == sorted(set(range(n)) - set(te)) and list(te) == sorted(te)
        out.append(ints(te))
    return out


def split_cases():
    rng = np.random.default_rng(3)
    _, y, speakers = corpus_labels()
    y = np.array(y)
    x = np.zeros((len(y), 1))
    # A small, unsorted, imbalanced label vector whose classes first appear in the order 3, 1, 0, 2.
    small = np.array([3, 1, 1, 0, 3, 2, 1, 1, 0, 0, 3, 1, 2, 2, 1, 0, 1, 3, 3, 1, 0, 2, 1, 1, 0, 3, 1])
    # Groups with ties in size, named so that string order differs from numeric order.
    sizes = {"7": 5, "10": 5, "2": 3, "31": 8, "4": 1, "5": 3, "600": 2, "8": 5}
    groups = [g for g, n in sizes.items() for _ in range(n)]
    order = rng.permutation(len(groups))
    groups = [groups[i] for i in order]
    cases = {
        "corpus": {"y": ints(y), "groups": speakers},
        "small": {"y": ints(small), "groups": groups},
        "stratifiedKFold": {
            "corpus5": folds_of(StratifiedKFold(5), x, y),
            "small5": folds_of(StratifiedKFold(5), np.zeros(len(small)), small),
            "small3": folds_of(StratifiedKFold(3), np.zeros(len(small)), small),
        },
        "groupKFold": {
            "corpus5": folds_of(GroupKFold(5), x, y, groups=speakers),
            "small3": folds_of(GroupKFold(3), np.zeros(len(groups)), groups=groups),
        },
        "stratifiedGroupKFold": {
            "corpus5": folds_of(StratifiedGroupKFold(5), x, y, groups=speakers),
        },
    }
    # Stratified train/test split sizes; only cases whose per-class allocation has no random tie-break.
    tts = []
    for counts, test_size in [([1271, 1271, 1271, 1271, 1087, 1271], 0.15), ([50, 30, 20], 0.25),
                              ([7, 13, 40, 3], 0.3), ([100, 201, 33, 64, 5], 0.15), ([9, 9, 9], 0.2),
                              ([634, 627, 628, 635, 604, 632], 0.15)]:
        labels = np.repeat(np.arange(len(counts)), counts)
        per_class = set()
        for seed in range(25):
            tr, te = train_test_split(np.arange(len(labels)), test_size=test_size, stratify=labels,
                                      random_state=seed)
            per_class.add(tuple(np.bincount(labels[te], minlength=len(counts))))
        entry = {"counts": counts, "testSize": test_size, "train": len(tr), "test": len(te)}
        if len(per_class) == 1:
            entry["testPerClass"] = ints(per_class.pop())
        tts.append(entry)
    cases["trainTestSplit"] = tts
    return cases


def pca_case():
    rng = np.random.default_rng(11)
    n, d = 300, 10
    basis = np.linalg.qr(rng.normal(size=(d, d)))[0]
    spread = np.array([9.0, 5.0, 3.0, 2.0, 1.5, 1.0, 0.7, 0.4, 0.2, 0.1])
    x = (rng.normal(size=(n, d)) * spread) @ basis.T + rng.normal(size=d) * 4
    x = x.astype(np.float32)
    p = PCA(n_components=3).fit(x)
    return {"rows": n, "cols": d, "x": floats(x), "components": floats(p.components_),
            "mean": floats(p.mean_), "explainedVarianceRatio": floats(p.explained_variance_ratio_),
            "explainedVariance": floats(p.explained_variance_), "projection": floats(p.transform(x)),
            "solver": p._fit_svd_solver}


def smote_case():
    rng = np.random.default_rng(5)
    y = np.repeat([0, 1, 2, 3], [40, 12, 25, 7])
    x = rng.normal(size=(len(y), 4)).astype(np.float32)
    xr, yr = SMOTE(k_neighbors=5, random_state=42).fit_resample(x, y)
    return {"y": ints(y), "resampledRows": int(len(yr)), "resampledCounts": ints(np.bincount(yr)),
            "resampledLabels": ints(yr), "originalRowsFirst": bool(np.array_equal(xr[:len(y)], x))}


def main():
    os.makedirs(OUT, exist_ok=True)
    write("scaler.json", scaler_case())
    write("encoder.json", encoder_case())
    write("reports.json", {"cases": report_cases()})
    write("splits.json", split_cases())
    write("pca.json", pca_case())
    write("smote.json", smote_case())


if __name__ == "__main__":
    main()
