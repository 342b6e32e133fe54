#!/usr/bin/env python3
"""Golden data for MoodifyDSP's tests: what librosa 0.11 computes for the same inputs.

Run from the package root:  python3 Scripts/goldens_dsp.py
Writes JSON files into Tests/MoodifyDSPTests/Golden/ (floats with 7 significant digits: a relative
rounding of 5e-8, far below every tolerance in the tests). Deterministic: the same inputs always give the same files.

Inputs (all at 22,050 Hz):

* Synthetic signals the Swift tests rebuild bit for bit (float32 of a float64 formula):
    sine440   0.5·sin(2π·440·n/sr), 11,025 samples
    chirp     0.5·sin(2π(100·t + (8000 − 100)·t²/2)), t = n/sr, 22,050 samples (linear 100 Hz → 8 kHz in 1 s)
    noise     uniform in [−0.25, 0.25) from a 64-bit LCG (state ← state·6364136223846793005 + 1442695040888963407
              mod 2^64, seed 12345; value = (state >> 11) / 2^53 − 0.5, halved), 11,025 samples
    silence   8,000 zeros
    short     0.3·sin(2π·1000·n/sr), 300 samples (shorter than one 2,048-sample frame)
    gated     5,000 zeros, then 10,000 samples of 0.4·sin(2π·300·n/sr), then 7,000 zeros (for trim)
* Real clips of ../shared/corpus/crema-d-dev (or $MOODIFY_AUDIO), loaded with librosa.load(sr=22050): the
  sorted file names, every 117th (indices 0, 117, …, 3627): 32 clips. The first three also get every
  function's output (functions.json).

Files:
* functions.json — per signal: stft (|X| sums over every 4th bin's row and over each column, a strided sample of the complex values), istft
  round trip, melspectrogram, power_to_db (ref 1 and ref max), mfcc (20 and 40), spectral centroid / bandwidth /
  rolloff / contrast, zero_crossing_rate, rms, trim, hpss, time_stretch (0.8, 1.25), pitch_shift (+2). Large
  matrices are summarised by per-row means and stds, per-column means and every k-th value (flat row-major
  index); short vectors are stored whole.
* mel_basis.json — non-zero entries of librosa.filters.mel(sr=22050, n_fft=2048, n_mels=128) and
  (sr=16000, n_fft=512, n_mels=40).
* features.json — per real clip: trimmed [start, end], the method 1 vector (140 values, DESIGN.md §2) and the
  method 2 vectors (256 values) of the trimmed clip, of its pitch shift by +2 and of its time stretch by 0.8.
"""
import json
import os
from pathlib import Path

import librosa
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "MoodifyDSPTests" / "Golden"
CORPUS = Path(os.environ.get("MOODIFY_AUDIO", ROOT / ".." / "shared" / "corpus" / "crema-d-dev"))
SR = 22050


def floats(a):
    """A flat list of floats with 7 significant digits."""
    return [float(f"{v:.7g}") for v in np.asarray(a, dtype=np.float64).ravel()]


def summary(m, max_samples=200):
    """Row means and stds, column means, and every k-th value of a 2-D matrix."""
    m = np.asarray(m)
    k = max(1, int(np.ceil(m.size / max_samples)))
    return {
        "rows": m.shape[0], "columns": m.shape[1],
        "rowMean": floats(m.mean(axis=1, dtype=np.float64)) if m.shape[1] else [],
        "rowStd": floats(m.std(axis=1, dtype=np.float64)) if m.shape[1] else [],
        "columnMean": floats(m.mean(axis=0, dtype=np.float64)),
        "stride": k, "strided": floats(m.ravel()[::k]),
    }


def signal_summary(y, max_samples=200):
    """Length, mean, std and every k-th sample of a 1-D signal."""
    y = np.asarray(y)
    k = max(1, int(np.ceil(y.size / max_samples)))
    return {"length": int(y.size), "mean": float(np.mean(y, dtype=np.float64)) if y.size else 0.0,
            "std": float(np.std(y, dtype=np.float64)) if y.size else 0.0, "stride": k, "strided": floats(y[::k])}


def lcg_noise(count, seed=12345):
    state = seed
    out = np.empty(count, dtype=np.float32)
    for i in range(count):
        state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
        out[i] = np.float32(((state >> 11) / 2**53 - 0.5) * 0.5)
    return out


def synthetic():
    n = np.arange(22050, dtype=np.float64)
    t = n / SR
    gated = np.zeros(22000, dtype=np.float64)
    gated[5000:15000] = 0.4 * np.sin(2 * np.pi * 300 * np.arange(10000) / SR)
    return {
        "sine440": (0.5 * np.sin(2 * np.pi * 440 * n[:11025] / SR)).astype(np.float32),
        "chirp": (0.5 * np.sin(2 * np.pi * (100 * t + (8000 - 100) * t * t / 2))).astype(np.float32),
        "noise": lcg_noise(11025),
        "silence": np.zeros(8000, dtype=np.float32),
        "short": (0.3 * np.sin(2 * np.pi * 1000 * n[:300] / SR)).astype(np.float32),
        "gated": gated.astype(np.float32),
    }


def clip_names():
    names = sorted(p.name for p in CORPUS.iterdir() if p.suffix.lower() == ".flac")
    return names[::117][:32]


def functions(y):
    D = librosa.stft(y)
    S = np.abs(D)
    k = max(1, int(np.ceil(D.size / 200)))
    mel = librosa.feature.melspectrogram(y=y, sr=SR)
    out = {
        "length": int(y.size),
        "stft": {"rows": D.shape[0], "columns": D.shape[1],
                 "magnitudeRowSum": floats(S.sum(axis=1, dtype=np.float64)[::4]),
                 "magnitudeColumnSum": floats(S.sum(axis=0, dtype=np.float64)),
                 "stride": k, "real": floats(D.real.ravel()[::k]), "imag": floats(D.imag.ravel()[::k])},
        "istft": signal_summary(librosa.istft(D, length=y.size)),
        "melspectrogram": summary(mel),
        "powerToDB": summary(librosa.power_to_db(mel)),
        "powerToDBMax": summary(librosa.power_to_db(mel, ref=np.max)),
        "mfcc20": summary(librosa.feature.mfcc(y=y, sr=SR, n_mfcc=20)),
        "mfcc40": summary(librosa.feature.mfcc(y=y, sr=SR, n_mfcc=40)),
        "centroid": floats(librosa.feature.spectral_centroid(y=y, sr=SR)[0]),
        "bandwidth": floats(librosa.feature.spectral_bandwidth(y=y, sr=SR)[0]),
        "rolloff": floats(librosa.feature.spectral_rolloff(y=y, sr=SR)[0]),
        "contrast": summary(librosa.feature.spectral_contrast(y=y, sr=SR), max_samples=1000),
        "zcr": floats(librosa.feature.zero_crossing_rate(y)[0]),
        "rms": floats(librosa.feature.rms(y=y)[0]),
        "trim": [int(v) for v in librosa.effects.trim(y, top_db=30)[1]],
    }
    harmonic, percussive = librosa.effects.hpss(y)
    out["harmonic"] = signal_summary(harmonic)
    out["percussive"] = signal_summary(percussive)
    out["stretch0.8"] = signal_summary(librosa.effects.time_stretch(y, rate=0.8))
    out["stretch1.25"] = signal_summary(librosa.effects.time_stretch(y, rate=1.25))
    out["pitch+2"] = signal_summary(librosa.effects.pitch_shift(y, sr=SR, n_steps=2))
    return out


def method1(y):
    """The 140 method 1 values of DESIGN.md §2, in order."""
    def ms(m):
        return [np.mean(m), np.std(m)]
    parts = []
    parts += ms(librosa.feature.zero_crossing_rate(y))
    parts += ms(librosa.feature.rms(y=y))
    parts += ms(librosa.feature.spectral_centroid(y=y, sr=SR))
    parts += ms(librosa.feature.spectral_bandwidth(y=y, sr=SR))
    parts += ms(librosa.feature.spectral_rolloff(y=y, sr=SR))
    contrast = librosa.feature.spectral_contrast(y=y, sr=SR)
    parts += list(np.mean(contrast, axis=1)) + list(np.std(contrast, axis=1))
    mfcc = librosa.feature.mfcc(y=y, sr=SR, n_mfcc=40)
    parts += list(np.mean(mfcc, axis=1)) + list(np.std(mfcc, axis=1))
    chroma = librosa.feature.chroma_stft(y=y, sr=SR)
    parts += list(np.mean(chroma, axis=1)) + list(np.std(chroma, axis=1))
    parts += ms(librosa.feature.melspectrogram(y=y, sr=SR))
    parts += list(np.mean(librosa.feature.tonnetz(y=y, sr=SR), axis=1))
    harmonic, percussive = librosa.effects.hpss(y)
    parts += ms(harmonic) + ms(percussive)
    assert len(parts) == 140
    return floats(parts)


def method2(y):
    """128 per-mel means then 128 per-mel stds of power_to_db(melspectrogram, ref=max)."""
    log_mel = librosa.power_to_db(librosa.feature.melspectrogram(y=y, sr=SR, n_mels=128), ref=np.max)
    return floats(list(np.mean(log_mel, axis=1)) + list(np.std(log_mel, axis=1)))


def mel_basis(sr, n_fft, n_mels):
    m = librosa.filters.mel(sr=sr, n_fft=n_fft, n_mels=n_mels)
    rows, cols = np.nonzero(m)
    return {"sr": sr, "nFFT": n_fft, "nMels": n_mels, "mel": [int(r) for r in rows], "bin": [int(c) for c in cols],
            "weight": floats(m[rows, cols])}


def write(name, data):
    with open(OUT / name, "w") as f:
        json.dump(data, f, separators=(",", ":"))
    print(f"wrote {name}: {(OUT / name).stat().st_size} bytes")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    names = clip_names()
    clips = {name: librosa.load(CORPUS / name, sr=SR)[0] for name in names}

    signals = dict(synthetic())
    for name in names[:3]:
        signals[name] = clips[name]
    write("functions.json", {name: functions(y) for name, y in signals.items()})
    write("mel_basis.json", [mel_basis(22050, 2048, 128), mel_basis(16000, 512, 40)])

    features = []
    for name in names:
        y = clips[name]
        trimmed, (start, end) = librosa.effects.trim(y, top_db=30)
        features.append({
            "file": name, "loadedLength": int(y.size), "loadedSum": float(np.sum(y, dtype=np.float64)),
            "trim": [int(start), int(end)],
            "method1": method1(trimmed),
            "method2": method2(trimmed),
            "method2Pitch": method2(librosa.effects.pitch_shift(trimmed, sr=SR, n_steps=2)),
            "method2Stretch": method2(librosa.effects.time_stretch(trimmed, rate=0.8)),
        })
    write("features.json", features)


if __name__ == "__main__":
    main()
