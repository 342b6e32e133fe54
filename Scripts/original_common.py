"""Shared pieces of the Python re-run of the original Moodify recipe (see /work/shared/ORIGINAL.md).

Used by original_method_1.py and original_method_2.py to time and score the original's pipeline
(librosa features, StandardScaler, imbalanced-learn SMOTE, the Keras 1D CNN, 5-fold CV) on the same
machine as Moodify. Feature extraction is sequential (one clip after another), as in the original notebooks.
"""
import argparse
import json
import os
import platform
import sys
import time
import warnings
from pathlib import Path

import numpy as np

CLASSES = ["ANG", "DIS", "FEA", "HAP", "NEU", "SAD"]
SEED = 42
SR = 22050
AUDIO_EXTENSIONS = (".wav", ".flac")

# librosa warns on every short clip (n_fft larger than the trimmed signal in chroma_cqt); the figures are unchanged.
warnings.filterwarnings("ignore", category=UserWarning, module="librosa")


def cpu_seconds():
    """User + system CPU seconds of this process so far (all its threads): a figure the machine's load inflates
    far less than wall time."""
    return time.process_time()


def load_avg():
    """The 1-minute load average of the machine, as `uptime` shows it."""
    return round(os.getloadavg()[0], 2)


def parse_args(description, default_epochs=100):
    """The command-line options shared by both methods."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--audio", default=os.environ.get("MOODIFY_AUDIO", "AudioWAV"),
                        help="folder of CREMA-D clips (*.wav or *.flac)")
    parser.add_argument("--limit", type=int, default=0, help="a stratified random subset of this many clips (0: all)")
    parser.add_argument("--epochs", type=int, default=default_epochs, help="epochs per fold")
    parser.add_argument("--protocol", choices=["original", "speaker"], default="original",
                        help="original: the notebook's (leaky) protocol; speaker: folds grouped by actor")
    parser.add_argument("--max-folds", type=int, default=5, help="stop after this many of the 5 folds (timing runs)")
    parser.add_argument("--features-only", action="store_true", help="extract (and cache) features, then stop")
    parser.add_argument("--features-cache", help="an .npz of extracted features: read if present, else written")
    parser.add_argument("--json", help="write timings and scores to this JSON file")
    parser.add_argument("--out", default="/work/runs/original", help="where fold checkpoints go")
    return parser.parse_args()


def list_clips(folder):
    """The clip paths of a folder in sorted order, with their emotion labels and actor ids from the names."""
    files = sorted(str(p) for p in Path(folder).iterdir() if p.suffix.lower() in AUDIO_EXTENSIONS)
    if not files:
        sys.exit(f"No *.wav or *.flac clips in {folder}.")
    names = [Path(f).stem.split("_") for f in files]
    return files, np.array([n[2] for n in names]), np.array([n[0] for n in names])


def stratified_subset(labels, limit, seed=SEED):
    """Indices of `limit` clips drawn at random with `seed`, each emotion keeping its share (largest remainders)."""
    total = len(labels)
    if limit <= 0 or limit >= total:
        return np.arange(total)
    rng = np.random.default_rng(seed)
    keys = sorted(set(labels))
    counts = {k: int(np.sum(labels == k)) for k in keys}
    quotas = {k: limit * counts[k] // total for k in keys}
    by_remainder = sorted(keys, key=lambda k: -((limit * counts[k]) % total))
    for k in by_remainder[: limit - sum(quotas.values())]:
        quotas[k] += 1
    chosen = []
    for k in keys:
        members = np.flatnonzero(labels == k)
        chosen.extend(rng.permutation(members)[: quotas[k]])
    return np.sort(np.array(chosen))


def select_clips(args):
    """The clips of --audio, cut to the --limit subset, and a one-line description."""
    files, labels, speakers = list_clips(args.audio)
    keep = stratified_subset(labels, args.limit)
    files = [files[i] for i in keep]
    labels, speakers = labels[keep], speakers[keep]
    summary = f"{len(files)} clips, {len(set(speakers))} actors, " + ", ".join(
        f"{c} {int(np.sum(labels == c))}" for c in CLASSES)
    return files, labels, speakers, summary


def extract_all(files, extract, report):
    """Runs `extract(path) -> rows (2-D array)` over the clips in order; returns the stacked rows, the clip index
    of each row, and the timing (total s, s per clip, load average before and after)."""
    rows, owners = [], []
    load_before = load_avg()
    started, cpu_started = time.perf_counter(), cpu_seconds()
    first = 0.0
    for i, path in enumerate(files):
        block = np.atleast_2d(extract(path))
        if i == 0:
            first = time.perf_counter() - started
        rows.append(block)
        owners.extend([i] * len(block))
        if (i + 1) % 100 == 0 or i + 1 == len(files):
            elapsed = time.perf_counter() - started
            print(f"  features: {i + 1}/{len(files)} clips, {elapsed:.1f} s ({elapsed / (i + 1):.3f} s/clip)", flush=True)
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
    report["features"] = {"clips": len(files), "rows": int(sum(len(r) for r in rows)), "seconds": round(seconds, 2),
                          "seconds_per_clip": round(seconds / len(files), 4),
                          "cpu_seconds": round(cpu, 2), "cpu_seconds_per_clip": round(cpu / len(files), 4),
                          "first_clip_seconds": round(first, 3),
                          "seconds_per_clip_after_first": round((seconds - first) / max(len(files) - 1, 1), 4),
                          "load_before": load_before, "load_after": load_avg()}
    return np.vstack(rows).astype(np.float32), np.array(owners)


def features(args, files, extract, report):
    """The feature rows and their clip indices: from --features-cache when it holds these clips, else extracted
    (and written to the cache when one is named)."""
    cache = args.features_cache
    if cache and Path(cache).exists():
        stored = np.load(cache, allow_pickle=False)
        if list(stored["files"]) == [Path(f).name for f in files]:
            print(f"Features from cache {cache}")
            report["features"] = {"cached": cache, **json.loads(str(stored["timing"]))}
            return stored["X"], stored["owners"]
        print(f"Cache {cache} holds other clips; extracting again")
    X, owners = extract_all(files, extract, report)
    if cache:
        np.savez(cache, X=X, owners=owners, files=np.array([Path(f).name for f in files]),
                 timing=json.dumps(report["features"]))
    return X, owners


def environment():
    """Library versions, TensorFlow's thread settings and the machine, for the JSON report."""
    import imblearn
    import librosa
    import sklearn
    info = {"python": platform.python_version(), "numpy": np.__version__, "librosa": librosa.__version__,
            "scikit-learn": sklearn.__version__, "imbalanced-learn": imblearn.__version__,
            "cpus": os.cpu_count(), "machine": platform.machine()}
    if "tensorflow" in sys.modules:
        tf = sys.modules["tensorflow"]
        info.update({"tensorflow": tf.__version__,
                     "intra_op_threads": tf.config.threading.get_intra_op_parallelism_threads(),
                     "inter_op_threads": tf.config.threading.get_inter_op_parallelism_threads()})
    return info


def write_report(args, report):
    """Prints the report's headline figures and writes it as JSON when --json is given."""
    report["environment"] = environment()
    report["args"] = vars(args)
    report["finished_load"] = load_avg()
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n")
        print(f"Report: {args.json}")


# ---- learning -------------------------------------------------------------------------------------------------

def build_model(n_features, n_classes):
    """The original's 1D CNN (ORIGINAL.md, method 1 step 5), uncompiled."""
    from tensorflow import keras
    from tensorflow.keras import layers, regularizers
    return keras.Sequential([
        keras.Input(shape=(n_features, 1)),
        layers.Conv1D(64, 3, activation="relu"), layers.BatchNormalization(), layers.MaxPooling1D(2),
        layers.Dropout(0.3),
        layers.Conv1D(128, 3, activation="relu"), layers.BatchNormalization(), layers.MaxPooling1D(2),
        layers.Dropout(0.4),
        layers.Flatten(),
        layers.Dense(128, activation="relu", kernel_regularizer=regularizers.l2(0.001)),
        layers.BatchNormalization(), layers.Dropout(0.5),
        layers.Dense(n_classes, activation="softmax"),
    ])


def epoch_timer():
    """A Keras callback that records each epoch's wall seconds in its `seconds` list."""
    from tensorflow import keras

    class EpochTimer(keras.callbacks.Callback):
        def __init__(self):
            super().__init__()
            self.seconds = []

        def on_epoch_begin(self, epoch, logs=None):
            self._start = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            self.seconds.append(time.perf_counter() - self._start)

    return EpochTimer()


def run_fold(number, X_train, y_train, X_val, y_val, n_classes, lr, callbacks, epochs, out, class_weight=None):
    """Trains a new model on one fold (batch 32, validation on the fold's held-out rows, silent) and returns the
    model, its predictions on the held-out rows and the fold's record (accuracy, epochs, timings)."""
    from tensorflow import keras
    keras.backend.clear_session()
    model = build_model(X_train.shape[1], n_classes)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=lr), loss="categorical_crossentropy",
                  metrics=["accuracy"])
    timer = epoch_timer()
    Path(out).mkdir(parents=True, exist_ok=True)
    checkpoint = keras.callbacks.ModelCheckpoint(str(Path(out) / f"fold_{number}.keras"), monitor="val_accuracy",
                                                 save_best_only=True)
    one_hot = keras.utils.to_categorical
    load_before = load_avg()
    started, cpu_started = time.perf_counter(), cpu_seconds()
    history = model.fit(X_train[..., None], one_hot(y_train, n_classes),
                        validation_data=(X_val[..., None], one_hot(y_val, n_classes)),
                        epochs=epochs, batch_size=32, verbose=0, class_weight=class_weight,
                        callbacks=[*callbacks, checkpoint, timer])
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
    y_pred = np.argmax(model.predict(X_val[..., None], batch_size=256, verbose=0), axis=1)
    record = {"fold": number, "train_rows": len(y_train), "val_rows": len(y_val),
              "epochs_run": len(history.history["loss"]), "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
              "seconds_per_epoch": round(float(np.mean(timer.seconds)), 3),
              "seconds_per_epoch_after_first": round(float(np.mean(timer.seconds[1:] or timer.seconds)), 3),
              "epoch_seconds": [round(s, 3) for s in timer.seconds],
              "history": {k: [round(float(v), 4) for v in vs] for k, vs in history.history.items()},
              "load_before": load_before, "load_after": load_avg(), **scores(y_val, y_pred)}
    print(f"Validation Accuracy for Fold {number}: {record['accuracy']:.4f}  "
          f"(macro-F1 {record['macro_f1']:.4f}, UAR {record['uar']:.4f}; {record['epochs_run']} epochs, "
          f"{seconds:.1f} s, {record['seconds_per_epoch_after_first']:.2f} s/epoch after the first, load {record['load_after']})", flush=True)
    return model, y_pred, record


def scores(y_true, y_pred):
    """Accuracy, macro-F1 and unweighted average recall (UAR) of one set of predictions."""
    from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score
    return {"accuracy": round(float(accuracy_score(y_true, y_pred)), 4),
            "macro_f1": round(float(f1_score(y_true, y_pred, average="macro")), 4),
            "uar": round(float(balanced_accuracy_score(y_true, y_pred)), 4)}


def summarise_folds(records, report):
    """Prints the fold table and mean ± std of each score, and stores the summary in the report."""
    print("Fold-wise Accuracy:")
    for r in records:
        print(f"Fold {r['fold']} {r['accuracy']:.4f}")
    summary = {}
    for key in ("accuracy", "macro_f1", "uar"):
        values = np.array([r[key] for r in records])
        summary[key] = {"mean": round(float(values.mean()), 4), "std": round(float(values.std()), 4)}
        print(f"{key:9s} {values.mean():.4f} ± {values.std():.4f}")
    summary["seconds"] = round(sum(r["seconds"] for r in records), 2)
    summary["cpu_seconds"] = round(sum(r["cpu_seconds"] for r in records), 2)
    summary["epochs"] = sum(r["epochs_run"] for r in records)
    summary["seconds_per_epoch"] = round(float(np.mean([s for r in records for s in r["epoch_seconds"]])), 3)
    summary["seconds_per_epoch_after_first"] = round(float(np.mean(
        [s for r in records for s in (r["epoch_seconds"][1:] or r["epoch_seconds"])])), 3)
    report["cv"] = {"folds": records, "summary": summary}


def smote(X, y):
    """imbalanced-learn's SMOTE(random_state=42) (k = 5, "not majority")."""
    from imblearn.over_sampling import SMOTE
    return SMOTE(random_state=SEED).fit_resample(X, y)


def speaker_folds(y, speakers):
    """Stratified 5-fold splits grouped by actor (no actor on both sides), shuffled with random_state 42."""
    from sklearn.model_selection import StratifiedGroupKFold
    return list(StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED).split(np.zeros(len(y)), y, speakers))


def stratified_cv(args, X, y, train, report):
    """Stratified, shuffled 5-fold CV (seed 42) of `train(number, X_train, y_train, X_val, y_val)` → (model, history,
    record), stopping after --max-folds; the folds are summarised into `report`; returns the best fold's model."""
    from sklearn.model_selection import StratifiedKFold
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED).split(X, y)
    records, best = [], None
    for number, (fit_rows, val_rows) in enumerate(folds, start=1):
        if number > args.max_folds:
            break
        print(f"Fold {number}", flush=True)
        model, _, record = train(number, X[fit_rows], y[fit_rows], X[val_rows], y[val_rows])
        records.append(record)
        if best is None or record["accuracy"] > best[1]:
            best = (model, record["accuracy"])
    summarise_folds(records, report)
    return best[0]

def main(method, description, extract, original_protocol, speaker_protocol):
    """Both methods' driver: select the clips, extract (or read cached) features, encode and scale, run the chosen
    protocol — `original_protocol(args, X, y, report)` or `speaker_protocol(args, X, y, owners, speakers, report)`
    (owners: each row's clip) — and write the report."""
    args = parse_args(description)
    files, labels, speakers, summary = select_clips(args)
    print(summary)
    report = {"method": method, "protocol": args.protocol, "clips": len(files), "started_load": load_avg()}
    X, owners = features(args, files, extract, report)
    print(f"Features: {X.shape}, {report['features'].get('seconds_per_clip')} s/clip")
    if not args.features_only:
        from sklearn.preprocessing import LabelEncoder, StandardScaler
        import tensorflow  # noqa: F401  (loaded here so the report can name its version and thread settings)
        y = LabelEncoder().fit_transform(labels[owners])
        X = StandardScaler().fit_transform(X)
        started = time.perf_counter()
        if args.protocol == "original":
            original_protocol(args, X, y, report)
        else:
            speaker_protocol(args, X, y, owners, speakers, report)
        report["cv_wall_seconds"] = round(time.perf_counter() - started, 2)
        print(f"Cross-validation: {report['cv_wall_seconds']:.1f} s")
    write_report(args, report)
