#!/usr/bin/env python3
"""Times librosa.load(path, sr=22050) per clip on the first 200 corpus clips by name, as AudioBench.swift does.

Prints one JSON line per measurement, with the same names as moodify-bench. Corpus: $MOODIFY_AUDIO or
../shared/corpus/crema-d-dev relative to the package root.
"""
import json
import os
import time
from pathlib import Path

import librosa

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("MOODIFY_AUDIO", ROOT / ".." / "shared" / "corpus" / "crema-d-dev"))


def main() -> None:
    names = sorted(p.name for p in CORPUS.iterdir() if p.suffix.lower() in (".wav", ".flac"))[:200]
    paths = [CORPUS / name for name in names]
    for path in paths:  # untimed pass: warm file cache and librosa's lazy imports
        librosa.load(path, sr=22050)
    samples = 0
    start = time.perf_counter()
    for path in paths:
        y, _ = librosa.load(path, sr=22050)
        samples += y.shape[0]
    elapsed = time.perf_counter() - start
    print(json.dumps({"name": "audio.load.per_clip", "value": elapsed / len(paths), "unit": "s/clip",
                      "note": f"{len(paths)} clips, {samples} samples out, sr=22050, librosa {librosa.__version__}"}))


if __name__ == "__main__":
    main()
