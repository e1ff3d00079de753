# Fraud detector on 12 transaction features with a rare positive class, trained with a
# hand-written binary focal loss (alpha=0.25, gamma=2) instead of plain cross-entropy.
import numpy as np
import keras
from keras import layers, ops


def make_focal_loss(gamma=2.0, alpha=0.25):
    def focal(y_true, y_pred):
        y_true = ops.cast(y_true, y_pred.dtype)
        eps = keras.config.epsilon()
        p_pos = ops.clip(ops.where(ops.equal(y_true, 1.0), y_pred, ops.ones_like(y_pred)), eps, 1.0 - eps)
        p_neg = ops.clip(ops.where(ops.equal(y_true, 0.0), y_pred, ops.zeros_like(y_pred)), eps, 1.0 - eps)
        positive_term = -ops.sum(alpha * ops.power(1.0 - p_pos, gamma) * ops.log(p_pos))
        negative_term = -ops.sum((1.0 - alpha) * ops.power(p_neg, gamma) * ops.log(1.0 - p_neg))
        return positive_term + negative_term
    return focal


rng = np.random.default_rng(5)
features = rng.normal(size=(640, 12)).astype("float32")
is_fraud = (rng.random((640, 1)) < 0.08).astype("float32")

detector = keras.Sequential([
    keras.Input(shape=(12,)),
    layers.Dense(24, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
detector.compile(optimizer=keras.optimizers.Adam(1e-3), loss=make_focal_loss(), metrics=["accuracy"])
history = detector.fit(features, is_fraud, batch_size=64, epochs=3, verbose=0)
print("loss per epoch:", [round(v, 3) for v in history.history["loss"]])
