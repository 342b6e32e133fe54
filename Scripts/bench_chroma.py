#!/usr/bin/env python3
"""Times librosa's chroma, CQT, tonnetz and tuning estimation per clip on the clips ChromaBench.swift uses.

Clips: every 60th corpus clip by sorted name ($MOODIFY_AUDIO or ../shared/corpus/crema-d-dev), loaded with
librosa.load(sr=22050) and trimmed with librosa.effects.trim(top_db=30) before timing. One thread (OMP/BLAS
threads pinned to 1), thread CPU time (time.thread_time, as the Swift side: the machine may be shared); one
untimed warm-up call of each function, then the best of two passes. librosa caches nothing between calls, so
its "chroma.chroma_cqt_cold.per_clip" is its first chroma_cqt pass. Prints one JSON line per measurement with
the names ChromaBench.swift uses.
"""
import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMBA_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import json
import time
import warnings
from pathlib import Path

import librosa
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("MOODIFY_AUDIO", ROOT / ".." / "shared" / "corpus" / "crema-d-dev"))
SR = 22050


def main():
    warnings.filterwarnings("ignore")
    names = sorted(p.name for p in CORPUS.iterdir() if p.suffix.lower() in (".wav", ".flac"))[::60]
    clips = [librosa.effects.trim(librosa.load(CORPUS / n, sr=SR)[0], top_db=30)[0] for n in names]
    note = f"{len(clips)} clips (every 60th by name, trimmed), librosa {librosa.__version__}, one thread, thread CPU time"
    recipes = [
        ("chroma.estimate_tuning.per_clip", lambda y: librosa.estimate_tuning(y=y, sr=SR, bins_per_octave=36)),
        ("chroma.cqt.per_clip", lambda y: np.abs(librosa.cqt(y, sr=SR))),
        ("chroma.chroma_cqt.per_clip", lambda y: librosa.feature.chroma_cqt(y=y, sr=SR)),
        ("chroma.tonnetz.per_clip", lambda y: librosa.feature.tonnetz(y=y, sr=SR)),
        ("chroma.chroma_stft.per_clip", lambda y: librosa.feature.chroma_stft(y=y, sr=SR)),
    ]
    for name, fn in recipes:
        fn(clips[0])
        passes = []
        for _ in range(2):
            start = time.thread_time()
            for y in clips:
                fn(y)
            passes.append(time.thread_time() - start)
        if name == "chroma.chroma_cqt.per_clip":
            print(json.dumps({"name": "chroma.chroma_cqt_cold.per_clip", "value": passes[0] / len(clips),
                              "unit": "s/clip", "note": note + ", first pass"}))
        print(json.dumps({"name": name, "value": min(passes) / len(clips), "unit": "s/clip",
                          "note": note + ", best of 2 passes"}))


if __name__ == "__main__":
    main()
