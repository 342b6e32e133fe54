#!/usr/bin/env python3
"""Writes the small .npy fixtures the MoodifyScript tests read, with NumPy itself.

Deterministic (values are arithmetic sequences, no randomness). Run from the package root:
    python3 Scripts/goldens_script.py
Output: Tests/MoodifyScriptTests/Fixtures/npy/*.npy (a few hundred bytes each) and index.json,
which lists every file with its dtype, shape and values (or the error Moodify must report).
"""
import json
import os

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "MoodifyScriptTests", "Fixtures", "npy")


def values_2d(rows, cols):
    return np.arange(rows * cols, dtype=np.float64).reshape(rows, cols) / 8.0 - 0.7


def main():
    os.makedirs(OUT, exist_ok=True)
    readable = {
        # name: array NumPy writes with np.save (format version 1.0)
        "f4_2d": values_2d(3, 4).astype("<f4"),
        "f8_2d": values_2d(2, 5).astype("<f8"),
        "f4_1d": (np.arange(7) * 0.1 - 0.25).astype("<f4"),
        "f8_1d": (np.arange(6) * 0.1 + 1e-9).astype("<f8"),
        "i8_1d": np.array([3, -1, 0, 42, 2**40], dtype="<i8"),
        "i8_2d": np.arange(6, dtype="<i8").reshape(2, 3),
        "f4_empty_1d": np.zeros(0, dtype="<f4"),
    }
    unreadable = {
        # name: (array, how to write it, the words Moodify's error must contain)
        "f4_3d": (np.zeros((2, 2, 2), dtype="<f4"), "save", "1-D and 2-D"),
        "big_endian": (np.arange(3, dtype=">f4"), "save", "'>f4'"),
        "int32": (np.arange(3, dtype="<i4"), "save", "'<i4'"),
        "fortran": (np.asfortranarray(values_2d(3, 2).astype("<f4")), "save", "Fortran order"),
        "scalar": (np.array(1.5, dtype="<f8"), "save", "1-D and 2-D"),
    }
    index = {"readable": {}, "unreadable": {}, "version2": {}}
    for name, a in readable.items():
        np.save(os.path.join(OUT, name + ".npy"), a)
        index["readable"][name] = {"dtype": a.dtype.str, "shape": list(a.shape), "values": a.ravel().tolist()}
    # The same 2-D float32 array in format version 2.0 (4-byte header length).
    a = values_2d(2, 3).astype("<f4")
    with open(os.path.join(OUT, "f4_2d_v2.npy"), "wb") as f:
        np.lib.format.write_array(f, a, version=(2, 0))
    index["version2"]["f4_2d_v2"] = {"dtype": a.dtype.str, "shape": list(a.shape), "values": a.ravel().tolist()}
    for name, (a, _, words) in unreadable.items():
        np.save(os.path.join(OUT, name + ".npy"), a)
        index["unreadable"][name] = words
    with open(os.path.join(OUT, "truncated.npy"), "wb") as f:
        f.write(open(os.path.join(OUT, "f4_2d.npy"), "rb").read()[:-5])
    index["unreadable"]["truncated"] = "truncated"
    with open(os.path.join(OUT, "not_npy.npy"), "wb") as f:
        f.write(b"PK\x03\x04 this is a zip file, not an array")
    index["unreadable"]["not_npy"] = "not a NumPy .npy file"
    with open(os.path.join(OUT, "index.json"), "w") as f:
        json.dump(index, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
