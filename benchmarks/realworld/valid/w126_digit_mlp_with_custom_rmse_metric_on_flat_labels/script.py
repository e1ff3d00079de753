# Glyph classifier (12 classes) tracked with a custom Brier-style RMSE metric that
# one-hot encodes the integer labels; labels are kept as a flat vector.
import numpy as np
import keras
from keras import layers, ops


class ProbabilityRMSE(keras.metrics.Metric):
    def __init__(self, name="prob_rmse", **kwargs):
        super().__init__(name=name, **kwargs)
        self.sq_sum = self.add_weight(name="sq_sum", initializer="zeros")
        self.count = self.add_weight(name="count", initializer="zeros")

    def update_state(self, y_true, y_pred, sample_weight=None):
        y_true = ops.one_hot(ops.cast(y_true, "int32"), num_classes=ops.shape(y_pred)[1])
        self.sq_sum.assign_add(ops.sum(ops.square(y_true - y_pred)))
        self.count.assign_add(ops.cast(ops.shape(y_pred)[0], "float32"))

    def result(self):
        return ops.sqrt(self.sq_sum / self.count)

    def reset_state(self):
        self.sq_sum.assign(0.0)
        self.count.assign(0.0)


gen = np.random.default_rng(31)
glyphs = gen.random((480, 16 * 16)).astype("float32")
glyph_ids = gen.integers(0, 12, size=480)  # one id per sample, shape (480,)

inp = keras.Input(shape=(16 * 16,))
h = layers.Dense(64, activation="relu")(inp)
h = layers.Dropout(0.3)(h)
out = layers.Dense(12, activation="softmax")(h)
clf = keras.Model(inp, out)
clf.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=[ProbabilityRMSE()])
hist = clf.fit(glyphs, glyph_ids, epochs=2, batch_size=48, validation_split=0.25, verbose=0)
assert hist.history["prob_rmse"][-1] <= 2 ** 0.5
print("prob_rmse:", hist.history["prob_rmse"][-1])
