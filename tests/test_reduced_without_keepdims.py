"""Statistics reduced without ``keepdims=True``, then combined with the tensor they came from (real Keras).

A custom ``train_step`` normalises feature maps by their per-channel mean: without ``keepdims`` the mean
is (batch, channels) and TensorFlow refuses to subtract it from (batch, h, w, channels) inside the compiled
step. The reduction is the root cause; the fix keeps the axes, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops


def centred(maps):
    centre = ops.mean(maps, axis=(1, 2))
    return maps - centre


class Centring(keras.Model):
    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            maps = self(x, training=True)
            loss = ops.mean(ops.square(centred(maps) - y))
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"loss": loss}


inp = keras.Input((10, 10, 2))
net = Centring(inp, layers.Conv2D(5, 3, padding="same")(inp))
net.compile(optimizer="adam")
pics = np.random.default_rng(2).random((6, 10, 10, 2)).astype("float32")
net.fit(tf.data.Dataset.from_tensor_slices((pics, np.zeros((6, 10, 10, 5), "float32"))).batch(3), epochs=1, verbose=0)
'''


def test_the_reduction_keeps_its_axes(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD104"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "centre = ops.mean(maps, axis=(1, 2))")
    first = finding["fixes"][0]
    assert first["code"] == "centre = ops.mean(maps, axis=(1, 2), keepdims=True)" and first["proven"]


NORM = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers


class RowNorm(layers.Layer):
    def call(self, X):
        mean, variance = tf.nn.moments(X, axes=-1)
        return (X - mean) / tf.sqrt(variance + 1e-3)


X = np.random.default_rng(0).normal(size=(64, 8)).astype("float32")
model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(6), RowNorm(), layers.Dense(1)])
model.compile(loss="mse", optimizer="adam")
model.fit(X, X[:, :1], batch_size=32, epochs=1, verbose=0)
'''


def test_a_layer_normalization_reducing_the_last_axis_keeps_it(tmp_path):
    # r1106 (Hands-on ML 2, chapter 12): tf.nn.moments(X, axes=-1) without keepdims, "[32,6] vs. [32]".
    report, _, proc = run_json(run_cli, tmp_path, NORM)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(NORM, "mean, variance = tf.nn.moments(X, axes=-1)")
    assert finding["culprit"]["line"] == line
    assert finding["fixes"][0]["code"] == "mean, variance = tf.nn.moments(X, axes=-1, keepdims=True)"
    assert "feature axis" in finding["explanation"]
