"""``add_loss`` given one value per sample (real Keras, silent under the TensorFlow backend).

keras-team/keras #19560 (r641): a VAE registers ``ops.mean(..., axis=1)``, a (batch,) KL vector, with
``self.add_loss``. Keras broadcasts it into the total loss without a word. The add_loss line is named,
and averaging the value there is proven by running the patched script; a scalar stays silent.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers


class Sparse(layers.Layer):
    def call(self, h):
        penalty = tf.reduce_sum(tf.abs(h), axis=-1)
        self.add_loss(1e-3 * penalty)
        return h


inp = keras.Input((6,))
out = layers.Dense(1)(Sparse()(layers.Dense(8)(inp)))
model = keras.Model(inp, out)
model.compile(loss="mse", optimizer="adam")
model.fit(np.random.rand(32, 6), np.random.rand(32, 1), batch_size=8, epochs=1, verbose=0)
'''


def test_a_per_sample_penalty_is_averaged_before_add_loss(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "warning", proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD204"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "self.add_loss(")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "self.add_loss(tf.reduce_mean(1e-3 * penalty))", first


def test_a_scalar_penalty_stays_silent(tmp_path):
    scalar = SCRIPT.replace("tf.reduce_sum(tf.abs(h), axis=-1)", "tf.reduce_sum(tf.abs(h))")
    report, _, proc = run_json(run_cli, tmp_path, scalar)
    assert proc.returncode == 0 and report["status"] == "ok", report["findings"]
