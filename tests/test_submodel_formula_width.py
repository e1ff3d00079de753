"""A sub-model whose ``Input`` width is a formula that leaves out part of the data it is called on (real Keras).

A custom ``train_step`` encodes points as the raw coordinates plus sin/cos terms and calls an MLP declared
with ``2 * FREQS * 2`` features: the raw coordinates are not counted. The declaration is the root cause;
the fix adds the missing width to the formula, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

FREQS = 3


def encode(points):
    parts = [points]
    for k in range(FREQS):
        parts += [ops.sin(2.0 ** k * points), ops.cos(2.0 ** k * points)]
    return ops.concatenate(parts, axis=-1)


def make_mlp():
    coords = keras.Input(shape=(2 * FREQS * 2,))
    return keras.Model(coords, layers.Dense(1)(layers.Dense(16, activation="relu")(coords)))


class Fitter(keras.Model):
    def __init__(self, mlp):
        super().__init__()
        self.mlp = mlp

    def train_step(self, data):
        points, target = data
        with tf.GradientTape() as tape:
            loss = ops.mean(ops.square(self.mlp(encode(points)) - target))
        grads = tape.gradient(loss, self.mlp.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.mlp.trainable_weights))
        return {"loss": loss}


fitter = Fitter(make_mlp())
fitter.compile(optimizer="adam")
fitter.fit(np.zeros((16, 2), "float32"), np.zeros((16, 1), "float32"), batch_size=8, epochs=1, verbose=0)
'''


def test_the_formula_counts_the_whole_width(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "coords = keras.Input(shape=(2 * FREQS * 2,))")
    first = finding["fixes"][0]
    assert first["code"] == "coords = keras.Input(shape=(2 * FREQS * 2 + 2,))" and first["proven"]
