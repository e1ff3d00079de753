"""Two models made by factories with one size keyword given two values, then joined (real Keras).

The keras-io dual encoder (r437): ``projection_dims=64`` for the vision encoder and ``32`` for the text
encoder; the ``train_step``'s einsum of the two embeddings fails with ``Dimensions must be equal, but
are 32 and 64``. The second factory call is the root cause and gets the first one's value, proven.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops


def make_encoder(width, dims):
    inp = keras.Input((width,))
    return keras.Model(inp, layers.Dense(dims)(inp))


left = make_encoder(width=5, dims=16)
right = make_encoder(width=7, dims=8)


class Pair(keras.Model):
    def __init__(self, a, b):
        super().__init__()
        self.a, self.b = a, b

    def train_step(self, data):
        xa, xb = data
        with tf.GradientTape() as tape:
            scores = ops.einsum("ae,be->ab", self.a(xa), self.b(xb))
            loss = ops.mean(ops.square(scores))
        weights = self.a.trainable_weights + self.b.trainable_weights
        self.optimizer.apply_gradients(zip(tape.gradient(loss, weights), weights))
        return {"loss": loss}


pair = Pair(left, right)
pair.compile(optimizer="sgd")
rng = np.random.default_rng(0)
pair.fit(tf.data.Dataset.from_tensor_slices((rng.random((32, 5)), rng.random((32, 7)))).batch(8), epochs=1, verbose=0)
'''


def test_second_factory_call_gets_the_first_ones_size(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "right = make_encoder(")
    assert finding["fixes"][0]["code"] == "right = make_encoder(width=7, dims=16)"
    assert "right = make_encoder(width=7, dims=16)" in written_and_run(run_cli, tmp_path)
