#!/usr/bin/env python3
"""The original Moodify method 1 in Python, to time and score it beside Moodify (ORIGINAL.md, method 1).

140 summary features per trimmed clip -> StandardScaler -> SMOTE -> the 1D CNN, stratified 5-fold CV.
--protocol original: the notebook's protocol (SMOTE on all rows before the split, folds over SMOTE'd rows,
  best fold's model scored on every SMOTE'd row).
--protocol speaker: folds grouped by actor (StratifiedGroupKFold), SMOTE on each fold's training rows only,
  scored on the held-out actors' clips; mean ± std of accuracy, macro-F1 and UAR.

  python3 Scripts/original_method_1.py --audio ../shared/corpus/crema-d-dev --limit 300 --features-only \
      --json /work/runs/original/m1_features_300.json
"""

import librosa
import numpy as np

import original_common as common


def method1_features(path):
    """The 140 numbers of one clip, in the original's order."""
    y, sr = librosa.load(path, sr=common.SR)
    y, _ = librosa.effects.trim(y, top_db=30)
    zcr = librosa.feature.zero_crossing_rate(y)
    rms = librosa.feature.rms(y=y, hop_length=512)
    centroid = librosa.feature.spectral_centroid(y=y, sr=sr)
    bandwidth = librosa.feature.spectral_bandwidth(y=y, sr=sr)
    rolloff = librosa.feature.spectral_rolloff(y=y, sr=sr)
    contrast = librosa.feature.spectral_contrast(y=y, sr=sr)
    mfcc = librosa.feature.mfcc(y=y, sr=sr, n_mfcc=40)
    chroma = librosa.feature.chroma_stft(y=y, sr=sr)
    mel = librosa.feature.melspectrogram(y=y, sr=sr)
    tonnetz = librosa.feature.tonnetz(y=y, sr=sr)
    harmonic, percussive = librosa.effects.hpss(y)
    return np.concatenate([
        [zcr.mean(), zcr.std(), rms.mean(), rms.std()],
        [centroid.mean(), centroid.std(), bandwidth.mean(), bandwidth.std(), rolloff.mean(), rolloff.std()],
        contrast.mean(axis=1), contrast.std(axis=1),
        mfcc.mean(axis=1), mfcc.std(axis=1),
        chroma.mean(axis=1), chroma.std(axis=1),
        [mel.mean(), mel.std()],
        tonnetz.mean(axis=1),
        [harmonic.mean(), harmonic.std(), percussive.mean(), percussive.std()],
    ])


def callbacks():
    """EarlyStopping(val_loss, 10, restore best) and ReduceLROnPlateau(val_loss, 0.5, 5, min 1e-6)."""
    from tensorflow import keras
    return [keras.callbacks.EarlyStopping(monitor="val_loss", patience=10, restore_best_weights=True),
            keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=5, min_lr=1e-6)]


def original_protocol(args, X, y, report):
    """SMOTE on all rows, stratified 5-fold CV over them, the best fold's model scored on every SMOTE'd row."""
    from sklearn.metrics import classification_report
    X_res, y_res = common.smote(X, y)
    print(f"After SMOTE: {X_res.shape[0]} rows ({np.bincount(y_res).tolist()})")
    best = common.stratified_cv(args, X_res, y_res, lambda number, X_fit, y_fit, X_val, y_val: common.run_fold(
        number, X_fit, y_fit, X_val, y_val, len(common.CLASSES), 3e-4, callbacks(), args.epochs, args.out), report)
    y_pred = np.argmax(best.predict(X_res[..., None], batch_size=256, verbose=0), axis=1)
    print(classification_report(y_res, y_pred, target_names=common.CLASSES, digits=2))
    report["final_evaluation_on_training_rows"] = common.scores(y_res, y_pred)


def speaker_protocol(args, X, y, _owners, speakers, report):
    """Folds grouped by actor; SMOTE on the training rows of each fold; scored on the unseen actors' clips (one row per
    clip, so the rows' owners are not needed)."""
    records = []
    for number, (train, val) in enumerate(common.speaker_folds(y, speakers), start=1):
        if number > args.max_folds:
            break
        print(f"Fold {number}: {len(train)} training clips, {len(val)} validation clips from "
              f"{len(set(speakers[val]))} unseen actors", flush=True)
        X_train, y_train = common.smote(X[train], y[train])
        _, _, record = common.run_fold(number, X_train, y_train, X[val], y[val], len(common.CLASSES), 3e-4,
                                       callbacks(), args.epochs, args.out)
        records.append(record)
    common.summarise_folds(records, report)


if __name__ == "__main__":
    common.main(1, "The original Moodify method 1 (librosa, SMOTE, Keras 1D CNN).",
                method1_features, original_protocol, speaker_protocol)
