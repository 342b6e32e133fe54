#!/usr/bin/env python3
"""Golden data for MoodifyDSP's chroma, CQT, tonnetz and tuning tests: what librosa 0.11 computes.

Run from the package root:  python3 Scripts/goldens_chroma.py
Writes JSON files into Tests/MoodifyDSPTests/Golden/chroma/ (floats with 7 significant digits: a relative
rounding of 5e-8, far below every tolerance in the tests; tunings and pitch_tuning's input frequencies exactly). Deterministic: the same inputs always give the same
files (no random numbers; the corpus clips are picked by a fixed rule).

Inputs (all at 22,050 Hz):

* Synthetic signals the Swift tests rebuild bit for bit (float32 of a float64 formula, n = sample index,
  t = n / 22050):
    chord     C4 + E4 + G4 (equal temperament from A440), 0.2·sin(2π·f·t) each, 22,050 samples
    detuned   A4 raised by 0.3 semitone (f = 440·2^(0.3/12)) with harmonics: 0.4·sin(2πft) + 0.2·sin(4πft)
              + 0.1·sin(6πft), 22,050 samples (its tuning is +0.3 of a semitone)
    chirp     exponential sweep 55 Hz → 7 kHz in 1.5 s: 0.5·sin(2π·55·T/ln(7000/55)·(exp(t/T·ln(7000/55)) − 1)),
              T = 1.5, 33,075 samples
    noise     uniform in [−0.25, 0.25) from a 64-bit LCG (state ← state·6364136223846793005 + 1442695040888963407
              mod 2^64, seed 777; value = ((state >> 11) / 2^53 − 0.5) / 2), 16,384 samples
    silence   22,050 zeros
    short     0.3·sin(2π·1000·t), 1,000 samples (shorter than one 2,048-sample frame)
    few       0.3·sin(2π·440·t), 5 samples
* Real clips of ../shared/corpus/crema-d-dev (or $MOODIFY_AUDIO), loaded with librosa.load(sr=22050): the sorted
  file names, every 117th (indices 0, 117, …, 3744): 33 clips. The first four get full outputs.

Files:
* filters.json — librosa.filters.chroma for (sr 22050, n_fft 2048, tuning −0.2) as per-row sums and every 7th
  value, and for (sr 16000, n_fft 512, tuning 0.1) in full; cq_to_chroma for three layouts as the chroma row of
  each input column; pitch_tuning of fixed frequency sets.
* signals.json — per synthetic signal and per the first four clips: estimate_tuning (magnitude STFT, 12 and 36
  bins per octave), the tuning chroma_stft estimates (power spectrogram), tonnetz in full, chroma_stft and
  chroma_cqt in full for the synthetic signals (summarised as below for the clips), |cqt| (defaults: 84 bins) and |cqt| of chroma_cqt's 252-bin layout as per-row means and stds plus four
  whole frames (0, 1, middle, last), and piptrack's peak count and sums.
* variants.json — |cqt| of the chirp and one clip in other layouts (early downsampling, an odd hop that stops the
  halving, a partial top octave, another rate, and a rectangular window with filter_scale 2, norm 2, sparsity 0.05
  and no length scaling) as per-row means and stds plus the middle frame.
* options.json — on the chord: chroma_stft(n_fft=4096, hop_length=1024, n_chroma=24, norm=2), chroma_cqt(norm=None,
  threshold=0.5, n_octaves=6, bins_per_octave=24, fmin=40) and tonnetz of that 24-bin chroma_stft, in full.
* clips.json — per real clip (all 33): loaded length and sum, the three tuning estimates, the per-row means of
  chroma_stft, chroma_cqt and tonnetz (what method 1 keeps).
"""
import json
import math
import os
from pathlib import Path

import librosa
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "MoodifyDSPTests" / "Golden" / "chroma"
SR = 22050


def corpus_dir():
    env = os.environ.get("MOODIFY_AUDIO")
    return Path(env) if env else (ROOT / ".." / "shared" / "corpus" / "crema-d-dev").resolve()


def tone(count, amplitude, hz):
    n = np.arange(count, dtype=np.float64)
    return amplitude * np.sin(2 * np.pi * hz * n / SR)


def synthetic():
    midi = lambda m: 440.0 * 2.0 ** ((m - 69) / 12)
    chord = tone(22050, 0.2, midi(60)) + tone(22050, 0.2, midi(64)) + tone(22050, 0.2, midi(67))
    f = 440.0 * 2.0 ** (0.3 / 12)
    detuned = tone(22050, 0.4, f) + tone(22050, 0.2, 2 * f) + tone(22050, 0.1, 3 * f)
    t = np.arange(33075, dtype=np.float64) / SR
    k = math.log(7000 / 55)
    chirp = 0.5 * np.sin(2 * np.pi * 55 * 1.5 / k * (np.exp(t / 1.5 * k) - 1))
    state = 777
    noise = np.empty(16384)
    for i in range(noise.size):
        state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        noise[i] = ((state >> 11) / 9007199254740992 - 0.5) * 0.5
    signals = {"chord": chord, "detuned": detuned, "chirp": chirp, "noise": noise, "silence": np.zeros(22050),
               "short": tone(1000, 0.3, 1000), "few": tone(5, 0.3, 440)}
    return {name: y.astype(np.float32) for name, y in signals.items()}


def clips():
    names = sorted(p.name for p in corpus_dir().iterdir() if p.suffix == ".flac")
    return names[::117]


def floats(a):
    return [float("%.7g" % v) for v in np.asarray(a, dtype=np.float64).ravel()]


def summary(m):
    """Per-row means and stds (float64 over the float32 values) and four whole frames."""
    m = np.asarray(m, dtype=np.float64)
    frames = sorted({0, min(1, m.shape[1] - 1), m.shape[1] // 2, m.shape[1] - 1})
    return {"rows": m.shape[0], "columns": m.shape[1], "rowMean": floats(m.mean(axis=1)),
            "rowStd": floats(m.std(axis=1)), "frameIndex": frames, "frames": [floats(m[:, i]) for i in frames]}


def matrix(m):
    m = np.asarray(m)
    return {"rows": m.shape[0], "columns": m.shape[1], "values": floats(m)}


def tunings(y):
    s_power = np.abs(librosa.stft(y)) ** 2
    return {"tuning12": float(librosa.estimate_tuning(y=y, sr=SR)),
            "tuning36": float(librosa.estimate_tuning(y=y, sr=SR, bins_per_octave=36)),
            "tuningPower": float(librosa.estimate_tuning(S=s_power, sr=SR, bins_per_octave=12))}


def signal_golden(y, full):
    g = {"length": int(y.size), "sum": float(np.sum(y, dtype=np.float64))}
    g.update(tunings(y))
    pitches, mags = librosa.piptrack(y=y, sr=SR)
    g["piptrack"] = {"count": int(np.count_nonzero(pitches)), "pitchSum": float(pitches.sum(dtype=np.float64)),
                     "magnitudeSum": float(mags.sum(dtype=np.float64))}
    keep = matrix if full else summary
    g["chromaSTFT"] = keep(librosa.feature.chroma_stft(y=y, sr=SR))
    g["chromaCQT"] = keep(librosa.feature.chroma_cqt(y=y, sr=SR))
    g["tonnetz"] = matrix(librosa.feature.tonnetz(y=y, sr=SR))
    g["cqt"] = summary(np.abs(librosa.cqt(y, sr=SR)))
    g["cqt252"] = summary(np.abs(librosa.cqt(y, sr=SR, n_bins=252, bins_per_octave=36, tuning=None)))
    return g


VARIANTS = [
    # name, kwargs of librosa.cqt (sr 22050 unless given; the signal is resampled to another sr with soxr_hq)
    ("early", dict(n_bins=48, bins_per_octave=12)),
    ("oddhop", dict(n_bins=100, bins_per_octave=12, hop_length=384)),
    ("partial", dict(n_bins=90, bins_per_octave=24, fmin=50.0, tuning=0.13)),
    ("sr16k", dict(sr=16000, n_bins=72, bins_per_octave=12, hop_length=256)),
    ("options", dict(n_bins=60, window="ones", filter_scale=2, norm=2, sparsity=0.05, scale=False)),
]


def variant_golden(y):
    out = {}
    for name, kw in VARIANTS:
        kw = dict(kw)
        sr = kw.pop("sr", SR)
        x = librosa.resample(y, orig_sr=SR, target_sr=sr) if sr != SR else y
        m = np.abs(librosa.cqt(x, sr=sr, **kw)).astype(np.float64)
        mid = m.shape[1] // 2
        out[name] = {"rows": m.shape[0], "columns": m.shape[1], "rowMean": floats(m.mean(axis=1)),
                     "rowStd": floats(m.std(axis=1)), "middleFrame": floats(m[:, mid])}
    return out


def filters_golden():
    big = librosa.filters.chroma(sr=22050, n_fft=2048, tuning=-0.2)
    small = librosa.filters.chroma(sr=16000, n_fft=512, tuning=0.1)
    layouts = []
    for n_input, bpo, n_chroma, fmin in [(252, 36, 12, None), (84, 12, 12, None), (100, 24, 12, 50.0)]:
        m = librosa.filters.cq_to_chroma(n_input, bins_per_octave=bpo, n_chroma=n_chroma, fmin=fmin)
        rows = [int(np.argmax(m[:, j])) if m[:, j].any() else -1 for j in range(n_input)]
        layouts.append({"nInput": n_input, "binsPerOctave": bpo, "nChroma": n_chroma, "fmin": fmin, "row": rows})
    freq_sets = {
        "plus25": librosa.cqt_frequencies(n_bins=24, fmin=55, tuning=0.25),
        "minus10": librosa.cqt_frequencies(n_bins=30, fmin=110, tuning=-0.1),
        "mixed": np.array([440.0, 441.0, 445.0, 0.0, -3.0, 880.5, 220.2, 261.6, 329.6, 392.0]),
    }
    pitch = {}
    for name, f in freq_sets.items():
        f32 = np.asarray(f, dtype=np.float32)
        # Frequencies stored exactly: these votes sit on histogram cell edges.
        pitch[name] = {"frequencies": [float(v) for v in f32], "tuning12": float(librosa.pitch_tuning(f32)),
                       "tuning36": float(librosa.pitch_tuning(f32, bins_per_octave=36)),
                       "tuning12coarse": float(librosa.pitch_tuning(f32, resolution=0.05))}
    return {
        "chroma2048": {"rows": 12, "columns": big.shape[1], "rowSum": floats(big.sum(axis=1, dtype=np.float64)),
                       "stride": 7, "strided": floats(big.ravel()[::7])},
        "chroma512": matrix(small),
        "cqToChroma": layouts,
        "pitchTuning": pitch,
    }


def dump(name, data):
    path = OUT / name
    path.write_text(json.dumps(data, separators=(",", ":")) + "\n")
    print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    dump("filters.json", filters_golden())
    signals = {name: signal_golden(y, True) for name, y in synthetic().items()}
    picked = clips()
    loaded = {name: librosa.load(corpus_dir() / name, sr=SR)[0] for name in picked}
    for name in picked[:4]:
        signals[name] = signal_golden(loaded[name], False)
    dump("signals.json", signals)
    dump("variants.json", {"chirp": variant_golden(synthetic()["chirp"]), picked[0]: variant_golden(loaded[picked[0]])})
    chord = synthetic()["chord"]
    stft24 = librosa.feature.chroma_stft(y=chord, sr=SR, n_fft=4096, hop_length=1024, n_chroma=24, norm=2)
    dump("options.json", {
        "chromaSTFT24": matrix(stft24),
        "chromaCQTRaw": matrix(librosa.feature.chroma_cqt(y=chord, sr=SR, norm=None, threshold=0.5, n_octaves=6,
                                                          bins_per_octave=24, fmin=40.0)),
        "tonnetz24": matrix(librosa.feature.tonnetz(chroma=stft24)),
    })
    per_clip = {}
    for name in picked:
        y = loaded[name]
        g = {"length": int(y.size), "sum": float(np.sum(y, dtype=np.float64))}
        g.update(tunings(y))
        g["chromaSTFTMean"] = floats(librosa.feature.chroma_stft(y=y, sr=SR).mean(axis=1))
        g["chromaCQTMean"] = floats(librosa.feature.chroma_cqt(y=y, sr=SR).mean(axis=1))
        g["tonnetzMean"] = floats(librosa.feature.tonnetz(y=y, sr=SR).mean(axis=1))
        per_clip[name] = g
    dump("clips.json", per_clip)


if __name__ == "__main__":
    import warnings
    warnings.filterwarnings("ignore")
    main()
