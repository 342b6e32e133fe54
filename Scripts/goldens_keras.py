"""Golden data for MoodifyLearn's network tests, made with Keras 3 on tensorflow-cpu (2.21).

Run from the package root:  python3 Scripts/goldens_keras.py
Writes Tests/MoodifyLearnTests/Golden/keras/: for each case a JSON manifest (<case>.json: settings,
scalars, and for every array its name, shape and offset) and one raw float32 little-endian file
(<case>.f32) with the arrays. Deterministic: fixed seeds, no shuffling, dropout rates 0, CPU only.

Cases
- cnn:        the notebooks' 1D CNN (Conv1D 64/128, BN, MaxPool 2, Dense 128 with L2 0.001, BN,
              Dense 6 softmax), 12 features, dropout 0. Initial weights, inference outputs, one epoch
              of 3 Adam steps (batch 4, lr 0.003, no shuffle) with validation, then the history, all
              weights (BN moving statistics included) and the outputs again.
- small:      the same layer sequence with narrow layers (8/16 filters, Dense 16 with L2 0.01), class
              weights {0: 2.0, 3: 0.5}, 2 epochs of 3 steps; also the loss and gradients of the first
              batch in train mode (tf.GradientTape), so failures point at a layer.
- logits:     Dense(3, softmax) with large weights so one sample is confidently wrong: Keras's
              evaluate() uses the softmax's logits (loss above -log(1e-7)), while
              keras.losses.categorical_crossentropy on the probabilities clips at 1e-7.
- crossentropy: CategoricalCrossentropy on probability rows (with exact 0 and 1 entries), with and
              without sample weights: the clipped path and the sum-over-batch-size reduction.
- callbacks:  EarlyStopping(patience 3, restore_best_weights) and ReduceLROnPlateau(factor 0.5,
              patience 2, min_lr 2e-4) driven with a fixed val_loss sequence: lr per epoch, stop epoch.
- summary:    model.summary() text of the cnn case's model, before training and after (optimizer params).
"""
import io
import json
import os
import sys
from contextlib import redirect_stdout

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
os.environ["CUDA_VISIBLE_DEVICES"] = ""
os.environ["COLUMNS"] = "80"

import numpy as np
import keras
import tensorflow as tf

tf.config.experimental.enable_op_determinism()
from keras import layers, regularizers

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "MoodifyLearnTests", "Golden", "keras")


class Case:
    """Collects arrays into one float32 file and a JSON manifest."""

    def __init__(self, name, **settings):
        self.name = name
        self.doc = {"case": name, "settings": settings, "scalars": {}, "arrays": []}
        self.blob = bytearray()

    def array(self, name, a):
        a = np.asarray(a, dtype="<f4")
        self.doc["arrays"].append({"name": name, "shape": list(a.shape), "offset": len(self.blob) // 4})
        self.blob += a.tobytes()

    def weights(self, prefix, model):
        """Every weight as "<prefix>/<layer index>/<weight name>" (indices, because Keras numbers names per session)."""
        for index, layer in enumerate(model.layers):
            for w in layer.weights:
                self.array(f"{prefix}/{index}/{w.name}", w.numpy())

    def scalar(self, name, value):
        self.doc["scalars"][name] = value

    def write(self):
        with open(os.path.join(OUT, self.name + ".json"), "w") as f:
            json.dump(self.doc, f, indent=1)
        if self.blob:
            with open(os.path.join(OUT, self.name + ".f32"), "wb") as f:
                f.write(self.blob)


def cnn(features, c1, c2, d, l2):
    return keras.Sequential([
        keras.Input((features, 1)),
        layers.Conv1D(c1, 3, activation="relu"), layers.BatchNormalization(), layers.MaxPooling1D(2), layers.Dropout(0.0),
        layers.Conv1D(c2, 3, activation="relu"), layers.BatchNormalization(), layers.MaxPooling1D(2), layers.Dropout(0.0),
        layers.Flatten(),
        layers.Dense(d, activation="relu", kernel_regularizer=regularizers.l2(l2) if l2 else None),
        layers.BatchNormalization(), layers.Dropout(0.0),
        layers.Dense(6, activation="softmax"),
    ], name="sequential")


def history_scalars(case, history):
    for key, values in history.history.items():
        case.scalar("history/" + key, [float(v) for v in values])


def train_case(name, seed, c1, c2, d, l2, class_weight, epochs, with_gradients):
    keras.utils.set_random_seed(seed)
    rows, features, batch = 12, 12, 4
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((rows, features, 1)).astype("float32")
    labels = np.array([0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 0, 0])
    y = keras.utils.to_categorical(labels, 6)
    vx = rng.standard_normal((6, features, 1)).astype("float32")
    vlabels = np.array([5, 4, 3, 2, 1, 0])
    vy = keras.utils.to_categorical(vlabels, 6)
    model = cnn(features, c1, c2, d, l2)
    case = Case(name, rows=rows, features=features, batch_size=batch, epochs=epochs, learning_rate=0.003,
                l2=l2, class_weight={str(k): v for k, v in (class_weight or {}).items()}, filters=[c1, c2], dense=d)
    case.array("x", x[:, :, 0])
    case.array("y", y)
    case.array("val_x", vx[:, :, 0])
    case.array("val_y", vy)
    case.weights("initial", model)
    summary_before = summary_text(model)
    case.array("predict_before", model.predict(x, verbose=0))
    if with_gradients:
        clone = keras.models.clone_model(model)
        clone.set_weights(model.get_weights())
        xb, yb = tf.constant(x[:batch]), tf.constant(y[:batch])
        sw = None
        if class_weight:
            sw = tf.constant([class_weight.get(int(c), 1.0) for c in labels[:batch]], dtype="float32")
        loss_fn = keras.losses.CategoricalCrossentropy()
        with tf.GradientTape() as tape:
            out = clone(xb, training=True)
            loss = loss_fn(yb, out, sample_weight=sw)
            if clone.losses:
                loss = loss + tf.add_n(clone.losses)
        case.scalar("first_batch_loss", float(loss))
        grads = tape.gradient(loss, clone.trainable_weights)
        owners = [i for i, layer in enumerate(clone.layers) for _ in layer.trainable_weights]
        for owner, w, g in zip(owners, clone.trainable_weights, grads):
            case.array(f"gradient/{owner}/{w.name}", g.numpy())
        case.array("first_batch_output", out.numpy())
    model.compile(optimizer=keras.optimizers.Adam(0.003), loss="categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(x, y, batch_size=batch, epochs=epochs, shuffle=False, verbose=0,
                        validation_data=(vx, vy), class_weight=class_weight)
    history_scalars(case, history)
    case.weights("final", model)
    case.array("predict_after", model.predict(x, verbose=0))
    ev = model.evaluate(vx, vy, verbose=0, return_dict=True)
    case.scalar("evaluate_val", {"loss": float(ev["loss"]), "accuracy": float(ev["accuracy"])})
    case.write()
    return summary_before, summary_text(model)


def logits_case():
    model = keras.Sequential([keras.Input((2,)), layers.Dense(3, activation="softmax")], name="sequential")
    kernel = np.array([[40.0, -40.0, 0.0], [0.0, 30.0, -30.0]], dtype="float32")
    bias = np.array([0.0, 0.5, -0.5], dtype="float32")
    model.layers[0].set_weights([kernel, bias])
    x = np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5], [1.0, 1.0]], dtype="float32")
    y = keras.utils.to_categorical([1, 2, 0, 2], 3)
    model.compile(loss="categorical_crossentropy", metrics=["accuracy"])
    case = Case("logits")
    case.array("kernel", kernel)
    case.array("bias", bias)
    case.array("x", x)
    case.array("y", y)
    p = model.predict(x, verbose=0)
    case.array("predict", p)
    ev = model.evaluate(x, y, verbose=0, return_dict=True, batch_size=4)
    case.scalar("evaluate", {"loss": float(ev["loss"]), "accuracy": float(ev["accuracy"])})
    case.scalar("loss_on_probabilities", float(keras.losses.CategoricalCrossentropy()(y, p)))
    case.write()


def crossentropy_case():
    p = np.array([[0.7, 0.2, 0.1], [0.0, 1.0, 0.0], [0.25, 0.25, 0.5], [1.0, 0.0, 0.0], [0.2, 0.3, 0.3]], dtype="float32")
    y = np.array([[1, 0, 0], [1, 0, 0], [0, 0, 1], [1, 0, 0], [0, 1, 0]], dtype="float32")
    w = np.array([1.0, 0.5, 2.0, 3.0, 0.0], dtype="float32")
    ce = keras.losses.CategoricalCrossentropy()
    case = Case("crossentropy")
    case.array("probabilities", p)
    case.array("targets", y)
    case.array("sample_weights", w)
    case.array("per_sample", keras.losses.categorical_crossentropy(y, p).numpy())
    case.scalar("mean", float(ce(y, p)))
    case.scalar("weighted", float(ce(y, p, sample_weight=w)))
    case.write()


def callbacks_case():
    val_loss = [1.0, 0.9, 0.95, 0.89995, 0.91, 0.92, 0.85, 0.86, 0.87, 0.88, 0.89, 0.84]
    model = keras.Sequential([keras.Input((2,)), layers.Dense(2, kernel_initializer="ones")], name="sequential")
    model.compile(optimizer=keras.optimizers.Adam(0.001), loss="mse")
    early = keras.callbacks.EarlyStopping(monitor="val_loss", patience=3, restore_best_weights=True)
    plateau = keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=2, min_lr=2e-4)
    for cb in (early, plateau):
        cb.set_model(model)
        cb.on_train_begin()
    lrs, stop = [], None
    for epoch, v in enumerate(val_loss):
        lrs.append(float(model.optimizer.learning_rate.numpy()))
        logs = {"val_loss": v, "loss": v}
        plateau.on_epoch_end(epoch, dict(logs))
        if stop is None:
            early.on_epoch_end(epoch, dict(logs))
            if model.stop_training:
                stop = epoch
    case = Case("callbacks")
    case.scalar("val_loss", val_loss)
    case.scalar("lr_per_epoch", lrs)
    case.scalar("early_stopping_stopped_epoch", stop)
    case.scalar("early_stopping_best_epoch", early.best_epoch)
    case.write()


def summary_case(model_before_text, model_after_text):
    case = Case("summary")
    case.scalar("before_training", model_before_text)
    case.scalar("after_training", model_after_text)
    case.write()


def summary_text(model):
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        model.summary()
    return buffer.getvalue()


def main():
    os.makedirs(OUT, exist_ok=True)
    before, after = train_case("cnn", 7, 64, 128, 128, 0.001, None, 1, False)
    train_case("small", 11, 8, 16, 16, 0.01, {0: 2.0, 3: 0.5}, 2, True)
    logits_case()
    crossentropy_case()
    callbacks_case()
    summary_case(before, after)
    total = sum(os.path.getsize(os.path.join(OUT, f)) for f in os.listdir(OUT))
    print(f"wrote {OUT} ({total / 1024:.0f} KiB)", file=sys.stderr)


if __name__ == "__main__":
    main()
