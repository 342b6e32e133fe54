#!/usr/bin/env python3
"""The original Moodify method 2 in Python, to time and score it beside Moodify (ORIGINAL.md, method 2).

Each clip (untrimmed) and three augmentations (+0.005·N(0,1) noise, pitch shift +2, time stretch 0.8) -> 128
per-mel means and 128 per-mel stds of the log-mel spectrogram -> StandardScaler -> the 1D CNN with Adam(0.003),
cosine annealing, balanced class weights and SMOTE on each fold's training side.
--protocol original: stratified 85/15 split of the rows (augmented copies of a clip on both sides), stratified
  5-fold CV on the 85 %, the best fold's model scored on the 15 % hold-out.
--protocol speaker: clip folds grouped by actor; a fold trains on all four versions of its training clips and is
  scored on the original recordings of its unseen actors; mean ± std of accuracy, macro-F1 and UAR.

  python3 Scripts/original_method_2.py --audio ../shared/corpus/crema-d-dev --limit 300 --features-only \
      --json /work/runs/original/m2_features_300.json
"""
import math

import librosa
import numpy as np

import original_common as common

VERSIONS = 4  # the clip, noise, pitch +2, stretch 0.8: rows of one clip are consecutive in this order
_noise = np.random.default_rng(common.SEED)


def augmentations(y, sr):
    """The clip and its three augmented versions."""
    noisy = y + 0.005 * _noise.standard_normal(len(y)).astype(y.dtype)
    return [y, noisy, librosa.effects.pitch_shift(y, sr=sr, n_steps=2), librosa.effects.time_stretch(y, rate=0.8)]


def log_mel_features(y, sr):
    """128 per-mel means then 128 per-mel stds of the log-mel spectrogram (power_to_db, ref max)."""
    log_mel = librosa.power_to_db(librosa.feature.melspectrogram(y=y, sr=sr, n_mels=128), ref=np.max)
    return np.concatenate([log_mel.mean(axis=1), log_mel.std(axis=1)])


def method2_rows(path):
    """The four feature rows of one clip (no trim, as the original's method 2)."""
    y, sr = librosa.load(path, sr=common.SR)
    return np.stack([log_mel_features(a, sr) for a in augmentations(y, sr)])


def cosine_annealing(epoch, lr=None):
    """lr(epoch) = 1e-6 + ½(0.003 − 1e-6)(1 + cos(π·epoch/100))."""
    return 1e-6 + 0.5 * (0.003 - 1e-6) * (1 + math.cos(math.pi * epoch / 100))


def callbacks():
    """EarlyStopping(val_loss, 10, restore best) and the cosine-annealing learning-rate schedule."""
    from tensorflow import keras
    return [keras.callbacks.EarlyStopping(monitor="val_loss", patience=10, restore_best_weights=True),
            keras.callbacks.LearningRateScheduler(cosine_annealing)]


def train_fold(args, number, X_train, y_train, X_val, y_val, n_classes):
    """SMOTE on the training side, balanced class weights (of the SMOTE'd labels), then one fold's training."""
    from sklearn.utils.class_weight import compute_class_weight
    X_train, y_train = common.smote(X_train, y_train)
    classes = np.unique(y_train)
    weights = dict(zip(classes.tolist(), compute_class_weight("balanced", classes=classes, y=y_train).tolist()))
    return common.run_fold(number, X_train, y_train, X_val, y_val, n_classes, 3e-3, callbacks(), args.epochs,
                           args.out, class_weight=weights)


def original_protocol(args, X, y, report):
    """Stratified 85/15 split of the rows; 5-fold CV on the 85 %; the best fold's model on the 15 % hold-out."""
    from sklearn.metrics import classification_report
    from sklearn.model_selection import train_test_split
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.15, stratify=y, random_state=common.SEED)
    print(f"Training set: {len(y_train)} files")
    print(f"Test set: {len(y_test)}")
    best = common.stratified_cv(args, X_train, y_train, lambda number, X_fit, y_fit, X_val, y_val: train_fold(
        args, number, X_fit, y_fit, X_val, y_val, len(common.CLASSES)), report)
    y_pred = np.argmax(best.predict(X_test[..., None], batch_size=256, verbose=0), axis=1)
    print(classification_report(y_test, y_pred, target_names=common.CLASSES, digits=2))
    report["holdout"] = common.scores(y_test, y_pred)


def speaker_protocol(args, X, y, owners, speakers, report):
    """Clip folds grouped by actor; train on every version of the training clips, score the unseen originals."""
    originals = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
    clip_y = y[originals]
    records = []
    for number, (train_clips, val_clips) in enumerate(common.speaker_folds(clip_y, speakers), start=1):
        if number > args.max_folds:
            break
        train_rows = np.flatnonzero(np.isin(owners, train_clips))
        val_rows = originals[val_clips]
        print(f"Fold {number}: {len(train_rows)} training rows, {len(val_rows)} original clips from "
              f"{len(set(speakers[val_clips]))} unseen actors", flush=True)
        _, _, record = train_fold(args, number, X[train_rows], y[train_rows], X[val_rows], y[val_rows],
                                  len(common.CLASSES))
        records.append(record)
    common.summarise_folds(records, report)


if __name__ == "__main__":
    common.main(2, "The original Moodify method 2 (augmentation, log-mel, SMOTE, Keras 1D CNN).",
                method2_rows, original_protocol, speaker_protocol)
