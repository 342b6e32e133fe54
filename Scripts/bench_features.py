#!/usr/bin/env python3
"""Times librosa's feature recipes per clip on the clips FeaturesBench.swift uses, with the same names.

Clips: every 60th corpus clip by sorted name ($MOODIFY_AUDIO or ../shared/corpus/crema-d-dev), loaded with
librosa.load(sr=22050) before timing. One thread (OMP/BLAS threads pinned to 1), thread CPU time
(time.thread_time, as the Swift side: the machine is shared), best of 3 passes after one warm-up call. Prints one
JSON line per measurement: the method 1 vector (trim + 140 values), method 3 (method 1, YIN prosody, MFCC deltas),
method 2 with its 4 augmented rows, and the parts.
"""
import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMBA_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import json
import time
from pathlib import Path

import librosa
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("MOODIFY_AUDIO", ROOT / ".." / "shared" / "corpus" / "crema-d-dev"))
SR = 22050


def method1(y):
    y, _ = librosa.effects.trim(y, top_db=30)
    return method1_with_mfcc(y)[0]


def method1_with_mfcc(y):
    """The 140 values of a trimmed clip, and its 40 MFCCs per frame."""
    parts = []
    for m in (librosa.feature.zero_crossing_rate(y), librosa.feature.rms(y=y),
              librosa.feature.spectral_centroid(y=y, sr=SR), librosa.feature.spectral_bandwidth(y=y, sr=SR),
              librosa.feature.spectral_rolloff(y=y, sr=SR)):
        parts += [np.mean(m), np.std(m)]
    contrast = librosa.feature.spectral_contrast(y=y, sr=SR)
    mfcc = librosa.feature.mfcc(y=y, sr=SR, n_mfcc=40)
    chroma = librosa.feature.chroma_stft(y=y, sr=SR)
    for m in (contrast, mfcc, chroma):
        parts += list(np.mean(m, axis=1)) + list(np.std(m, axis=1))
    mel = librosa.feature.melspectrogram(y=y, sr=SR)
    parts += [np.mean(mel), np.std(mel)]
    parts += list(np.mean(librosa.feature.tonnetz(y=y, sr=SR), axis=1))
    h, p = librosa.effects.hpss(y)
    parts += [np.mean(h), np.std(h), np.mean(p), np.std(p)]
    return np.array(parts), mfcc


def method3(y):
    """Method 1, the prosody values (YIN, RMS contour; the numpy statistics of Prosody.swift) and MFCC deltas."""
    y, _ = librosa.effects.trim(y, top_db=30)
    base, mfcc = method1_with_mfcc(y)
    f0 = librosa.yin(y, fmin=65, fmax=500, sr=SR, frame_length=2048)
    db = librosa.amplitude_to_db(librosa.feature.rms(y=y)[0], ref=np.max)
    semitones = 12 * np.log2(f0 / 100)
    prosody = [np.mean(semitones), np.std(semitones), *np.percentile(semitones, [5, 95]),
               np.mean(db), np.std(db), *np.percentile(db, [10, 50, 90])]
    deltas = [librosa.feature.delta(mfcc, width=9), librosa.feature.delta(mfcc, width=9, order=2)]
    return np.concatenate([base, prosody] + [np.concatenate([d.mean(axis=1), d.std(axis=1)]) for d in deltas])


def method2(y):
    log_mel = librosa.power_to_db(librosa.feature.melspectrogram(y=y, sr=SR, n_mels=128), ref=np.max)
    return np.concatenate([np.mean(log_mel, axis=1), np.std(log_mel, axis=1)])


def method2_aug(y):
    y, _ = librosa.effects.trim(y, top_db=30)
    variants = [y, y + 0.005 * np.random.normal(size=len(y)).astype(np.float32),
                librosa.effects.pitch_shift(y, sr=SR, n_steps=2), librosa.effects.time_stretch(y, rate=0.8)]
    return [method2(v) for v in variants]


def main():
    names = sorted(p.name for p in CORPUS.iterdir() if p.suffix.lower() in (".wav", ".flac"))[::60]
    paths = [CORPUS / n for n in names]
    for path in paths:
        librosa.load(path, sr=SR)
    start = time.perf_counter()
    clips = [librosa.load(path, sr=SR)[0] for path in paths]
    load_time = time.perf_counter() - start
    note = f"{len(clips)} clips (every 60th by name), loaded at 22050 Hz, one thread, librosa {librosa.__version__}"

    def emit(name, elapsed, extra=""):
        print(json.dumps({"name": name, "value": elapsed / len(clips), "unit": "s/clip", "note": note + extra}),
              flush=True)

    def per_clip(name, fn, inputs):
        fn(inputs[0])  # warm-up: numba compilation, filter caches
        best = float("inf")
        for _ in range(3):
            start = time.thread_time()
            out = [fn(x) for x in inputs]
            best = min(best, time.thread_time() - start)
        emit(name, best, ", thread CPU time, best of 3 passes")
        return out

    per_clip("features.method1.per_clip", method1, clips)
    per_clip("features.method3.per_clip", method3, clips)
    per_clip("features.method2_aug.per_clip", method2_aug, clips)
    emit("features.part.load", load_time, ", one pass, wall time (decode + soxr resample)")
    trimmed = per_clip("features.part.trim", lambda y: librosa.effects.trim(y, top_db=30)[0], clips)
    spectra = per_clip("features.part.stft", librosa.stft, trimmed)
    per_clip("features.part.melspectrogram", lambda d: librosa.feature.melspectrogram(S=np.abs(d) ** 2, sr=SR), spectra)
    per_clip("features.part.mfcc40", lambda d: librosa.feature.mfcc(
        S=librosa.power_to_db(librosa.feature.melspectrogram(S=np.abs(d) ** 2, sr=SR)), n_mfcc=40), spectra)

    def spectral(d):
        s = np.abs(d)
        return (librosa.feature.spectral_centroid(S=s, sr=SR), librosa.feature.spectral_bandwidth(S=s, sr=SR),
                librosa.feature.spectral_rolloff(S=s, sr=SR), librosa.feature.spectral_contrast(S=s, sr=SR))
    per_clip("features.part.spectral", spectral, spectra)
    per_clip("features.part.chroma_stft", lambda d: librosa.feature.chroma_stft(S=np.abs(d) ** 2, sr=SR), spectra)
    per_clip("features.part.tonnetz", lambda y: librosa.feature.tonnetz(y=y, sr=SR), trimmed)
    per_clip("features.part.zcr_rms", lambda y: (librosa.feature.zero_crossing_rate(y), librosa.feature.rms(y=y)), trimmed)
    per_clip("features.part.hpss", librosa.effects.hpss, trimmed)
    per_clip("features.part.pitch_shift", lambda y: librosa.effects.pitch_shift(y, sr=SR, n_steps=2), trimmed)
    per_clip("features.part.time_stretch", lambda y: librosa.effects.time_stretch(y, rate=0.8), trimmed)


if __name__ == "__main__":
    main()
