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
