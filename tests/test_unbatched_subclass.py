"""A subclassed model (no ``Input``) evaluated on a tf.data pipeline that was never batched (real Keras).

The model learns its input shape from the data, so there is no declaration to compare with; the
earlier ``fit`` that ran with batches of one more axis is the evidence. The root cause is the line
that made the unbatched dataset, and the fix batches it like the training data (verified by running
the patched script, as a subclassed model cannot be cloned).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers


class Net(keras.Model):
    def __init__(self):
        super().__init__()
        self.conv = layers.Conv2D(4, 3, activation="relu")
        self.pool = layers.GlobalAveragePooling2D()
        self.out = layers.Dense(3, activation="softmax")

    def call(self, x):
        return self.out(self.pool(self.conv(x)))


x = np.random.rand(32, 12, 12, 3).astype("float32")
y = np.random.randint(0, 3, size=(32,))
train_ds = tf.data.Dataset.from_tensor_slices((x, y)).shuffle(32).batch(8)
test_ds = tf.data.Dataset.from_tensor_slices((x[:16], y[:16]))
model = Net()
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(train_ds, epochs=1, verbose=0)
model.evaluate(test_ds, verbose=0)
'''


def test_an_unbatched_test_dataset_of_a_subclassed_model_is_batched_like_the_training_data(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD201" and "single samples (12, 12, 3)" in finding["message"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "test_ds = tf.data")
    first = finding["fixes"][0]
    assert ".batch(8)" in first["code"] and first["verified"] and first["proven"]
