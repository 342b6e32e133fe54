"""Times the Python original's network recipe (Keras 3 on tensorflow-cpu) on the shapes of moodify-bench's
"learn" suite and prints the same JSON lines: the notebooks' 1D CNN on 256 features, batch 32, one epoch
over 8,000 random rows (best of 2 after a warm-up), model.predict of one row (as the notebooks predict a
clip), predict of 2,000 rows, and the peak RSS after an epoch on 30,000 rows (+3,000 validation).
"""
import json
import os
import resource
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np
import keras
from keras import layers, regularizers


def emit(name, value, unit, note=""):
    print(json.dumps({"name": name, "value": value, "unit": unit, "note": note}), flush=True)


def notebook_model(features):
    model = keras.Sequential([
        keras.Input((features, 1)),
        layers.Conv1D(64, 3, activation="relu"), layers.BatchNormalization(), layers.MaxPooling1D(2), layers.Dropout(0.3),
        layers.Conv1D(128, 3, activation="relu"), layers.BatchNormalization(), layers.MaxPooling1D(2), layers.Dropout(0.4),
        layers.Flatten(), layers.Dense(128, activation="relu", kernel_regularizer=regularizers.l2(0.001)),
        layers.BatchNormalization(), layers.Dropout(0.5), layers.Dense(6, activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(0.003), loss="categorical_crossentropy", metrics=["accuracy"])
    return model


class EpochTimer(keras.callbacks.Callback):
    def on_train_begin(self, logs=None):
        self.seconds = []

    def on_epoch_begin(self, epoch, logs=None):
        self.start = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        self.seconds.append(time.perf_counter() - self.start)


def data(rows, seed):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((rows, 256, 1)).astype("float32")
    y = keras.utils.to_categorical(rng.integers(0, 6, rows), 6)
    return x, y


def main():
    x, y = data(8000, 2)
    model = notebook_model(256)
    model.fit(x[:256], y[:256], batch_size=32, epochs=1, verbose=0)
    timer = EpochTimer()
    model.fit(x, y, batch_size=32, epochs=2, verbose=0, callbacks=[timer])
    emit("learn.cnn256.epoch_8000", min(timer.seconds), "s/epoch", "tensorflow-cpu, Keras 3, best of 2 epochs")

    row = x[17:18]
    model.predict(row, verbose=0)
    start = time.perf_counter()
    for _ in range(50):
        model.predict(row, verbose=0)
    emit("learn.cnn256.predict_one", (time.perf_counter() - start) / 50, "s/row", "model.predict of one row, as the notebooks do")
    model.predict(x[:2000], verbose=0)
    start = time.perf_counter()
    model.predict(x[:2000], verbose=0)
    emit("learn.cnn256.predict_batch", (time.perf_counter() - start) / 2000, "s/row", "model.predict of 2,000 rows")

    big_x, big_y = data(30000, 6)
    val_x, val_y = data(3000, 7)
    notebook_model(256).fit(big_x, big_y, validation_data=(val_x, val_y), batch_size=32, epochs=1, verbose=0)
    emit("learn.cnn256.train_30000.peak_rss", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "MiB",
         "peak RSS of the Python process after one epoch on 30,000 x 256 (+3,000 validation)")


if __name__ == "__main__":
    main()
