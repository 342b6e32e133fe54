#!/usr/bin/env python3
"""Golden data for MoodifyAudio's tests: what librosa.load(path, sr=22050) returns.

Run from the package root:  python3 Scripts/goldens_audio.py
Writes Tests/MoodifyAudioTests/Golden/manifest.json plus raw float32 little-endian arrays (*.f32).
Deterministic: the same inputs always give the same files (librosa 0.11, soundfile, soxr HQ).

Two kinds of input:

* Real clips of ../shared/corpus/crema-d-dev (or $MOODIFY_AUDIO). Rule: walk the file names in sorted
  order and take a clip when both its actor and its emotion are new, until five are taken. For each we
  store the output length, its float64 sum and sum of squares, and every 16th sample; for the first clip
  also the full array.

* Synthetic files, written here with soundfile (libsndfile) in a temporary folder: 8/16/24/32-bit PCM
  WAV, float and double WAV, 24-bit FLAC, mono and stereo, at 8, 16, 22.05, 44.1 and 48 kHz. The
  samples come from a 64-bit linear congruential generator that the Swift test re-implements with
  integer arithmetic, so both sides write the same sample values without committing any audio file:
      state <- state * 6364136223846793005 + 1442695040888963407  (mod 2^64)
      v      = (signed top 32 bits of state) >> 1                 (half of full scale)
      sample = (v >> (32 - bits)) << (32 - bits)                  (as a 32-bit integer)
  Integer files store `sample` (libsndfile shifts it to the file's width); float files store
  sample / 2^31 (bits = 24, exact in float32); double files the same with bits = 32.
  Frames are generated interleaved: frame 0 channel 0, frame 0 channel 1, frame 1 channel 0, ...
  The full librosa.load output is stored for each.
"""
import json
import os
import sys
import tempfile
from pathlib import Path

import librosa
import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "MoodifyAudioTests" / "Golden"
CORPUS = Path(os.environ.get("MOODIFY_AUDIO", ROOT / ".." / "shared" / "corpus" / "crema-d-dev"))
SR = 22050
STRIDE = 16
MASK64 = (1 << 64) - 1

# name, container/subtype, bits, channels, native rate, frames, seed
SYNTHETIC = [
    ("pcm8_mono_16k", "WAV", "PCM_U8", 8, 1, 16000, 3200, 1),
    ("pcm16_mono_44k1", "WAV", "PCM_16", 16, 1, 44100, 8820, 2),
    ("pcm24_mono_48k", "WAV", "PCM_24", 24, 1, 48000, 9600, 3),
    ("pcm32_stereo_44k1", "WAV", "PCM_32", 32, 2, 44100, 8820, 4),
    ("float_stereo_48k", "WAV", "FLOAT", 24, 2, 48000, 9600, 5),
    ("double_mono_8k", "WAV", "DOUBLE", 32, 1, 8000, 1600, 6),
    ("pcm16_stereo_22k05", "WAV", "PCM_16", 16, 2, 22050, 4410, 7),
    ("flac24_stereo_48k", "FLAC", "PCM_24", 24, 2, 48000, 9600, 8),
]


def lcg_samples(seed: int, count: int, bits: int) -> np.ndarray:
    """The shared integer test signal (see the module docstring)."""
    state = seed & MASK64
    out = np.empty(count, dtype=np.int64)
    shift = 32 - bits
    for i in range(count):
        state = (state * 6364136223846793005 + 1442695040888963407) & MASK64
        top = state >> 32
        v = (top - (1 << 32) if top >= (1 << 31) else top) >> 1
        out[i] = (v >> shift) << shift
    return out


def write_f32(name: str, array: np.ndarray) -> str:
    file = f"{name}.f32"
    np.asarray(array, dtype="<f4").tofile(OUT / file)
    return file


def stats(y: np.ndarray) -> dict:
    y64 = y.astype(np.float64)
    return {"length": int(y.shape[0]), "sum": float(y64.sum()), "sumSquares": float((y64 * y64).sum())}


def real_clips() -> list:
    names = sorted(p.name for p in CORPUS.iterdir() if p.suffix.lower() in (".flac", ".wav"))
    picked, actors, emotions = [], set(), set()
    for name in names:
        actor, _, emotion, _ = Path(name).stem.split("_")
        if actor in actors or emotion in emotions:
            continue
        picked.append(name)
        actors.add(actor)
        emotions.add(emotion)
        if len(picked) == 5:
            break
    entries = []
    for index, name in enumerate(picked):
        y, sr = librosa.load(CORPUS / name, sr=SR)
        assert sr == SR and y.dtype == np.float32
        entry = {"file": name, "stride": STRIDE, **stats(y), "strided": write_f32(f"clip_{Path(name).stem}_s{STRIDE}", y[::STRIDE])}
        if index == 0:
            entry["full"] = write_f32(f"clip_{Path(name).stem}_full", y)
        entries.append(entry)
    return entries


def synthetic() -> list:
    entries = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, container, subtype, bits, channels, rate, frames, seed in SYNTHETIC:
            ints = lcg_samples(seed, frames * channels, bits).reshape(frames, channels)
            if subtype == "FLOAT":
                data = (ints / 2.0**31).astype(np.float32)
            elif subtype == "DOUBLE":
                data = ints / 2.0**31
            else:
                data = ints.astype(np.int32)
            ext = ".flac" if container == "FLAC" else ".wav"
            path = Path(tmp) / (name + ext)
            sf.write(path, data if channels > 1 else data[:, 0], rate, subtype=subtype, format=container)
            y, sr = librosa.load(path, sr=SR)
            assert sr == SR
            entries.append({
                "name": name, "container": container, "subtype": subtype, "bits": bits,
                "channels": channels, "sampleRate": rate, "frames": frames, "seed": seed,
                **stats(y), "full": write_f32(f"syn_{name}", y),
            })
    return entries


def main() -> None:
    if not CORPUS.is_dir():
        sys.exit(f"corpus not found at {CORPUS}; set MOODIFY_AUDIO")
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.f32"):
        old.unlink()
    manifest = {
        "librosa": librosa.__version__, "soundfile": sf.__version__, "libsndfile": sf.__libsndfile_version__,
        "sampleRate": SR, "clips": real_clips(), "synthetic": synthetic(),
    }
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    total = sum(p.stat().st_size for p in OUT.iterdir())
    print(f"wrote {len(list(OUT.iterdir()))} files, {total / 1024:.0f} KiB, to {OUT}")


if __name__ == "__main__":
    main()
