#!/usr/bin/env python3
"""Golden data for the "mfcc40", "prosody" and "method3" feature sets: what librosa 0.11 computes.

Run from the package root:  python3 Scripts/goldens_method3.py
Writes Tests/MoodifyDSPTests/Golden/method3.json (floats with 7 significant digits). Uses the clips of
Scripts/goldens_dsp.py (every 117th of the sorted corpus, 32 clips, loaded with librosa.load(sr=22050)).

* "mfcc40" per clip: 40 means then 40 stds of librosa.feature.mfcc(y=y, sr=22050, n_mfcc=40) of the UNtrimmed clip
  (method 2 with USE_LOG_MEL false; the original method 2 did not trim).
* "yin" for the first three clips: librosa.yin(trimmed, fmin=65, fmax=500, sr=22050, frame_length=2048) per frame.
* "delta" for the first three clips: summaries (row means, row stds, column means, strided values) of
  librosa.feature.delta(mfcc, width=9) and of delta(mfcc, width=9, order=2), mfcc being n_mfcc=40 of the trimmed clip.
"""
import json

import librosa
import numpy as np

from goldens_dsp import CORPUS, OUT, SR, clip_names, floats, summary

FMIN, FMAX = 65.0, 500.0


def main():
    names = clip_names()
    out = {"mfcc40": [], "yin": [], "delta": []}
    for i, name in enumerate(names):
        y = librosa.load(CORPUS / name, sr=SR)[0]
        m = librosa.feature.mfcc(y=y, sr=SR, n_mfcc=40)
        out["mfcc40"].append({"file": name, "vector": floats(list(m.mean(axis=1)) + list(m.std(axis=1)))})
        if i < 3:
            trimmed = librosa.effects.trim(y, top_db=30)[0]
            out["yin"].append({"file": name, "f0": floats(librosa.yin(trimmed, fmin=FMIN, fmax=FMAX, sr=SR,
                                                                        frame_length=2048))})
            mt = librosa.feature.mfcc(y=trimmed, sr=SR, n_mfcc=40)
            out["delta"].append({"file": name,
                                 "delta": summary(librosa.feature.delta(mt, width=9)),
                                 "delta2": summary(librosa.feature.delta(mt, width=9, order=2))})
    path = OUT / "method3.json"
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
    print(f"wrote method3.json: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
