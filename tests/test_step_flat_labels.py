"""Flat labels broadcast against a one-unit output inside a ``train_step`` (real Keras, silent).

tensorflow/tensorflow #46848 (r569): ``tf.reduce_mean((self(x) - y) ** 2)`` in a ``train_step`` with a
``Dense(1)`` model and a (n,) label vector: (32, 1) - (32,) broadcasts to (32, 32). The step is traced
as a graph, so no values of ``y`` are seen; the step's code (``x, y = data``) and the ``fit`` call say
that ``y`` is the labels array given to ``fit``. That array's line is the root cause, and the fix makes
it a column, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras


class Fitter(keras.Model):
    def __init__(self):
        super().__init__()
        self.head = keras.layers.Dense(1)

    def call(self, inputs):
        return self.head(inputs)

    def train_step(self, data):
        inputs = data[0]
        answers = data[1]
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.abs(answers - self(inputs, training=True)))
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"loss": loss}


rng = np.random.default_rng(1)
points = rng.normal(size=(128, 3)).astype("float32")
heights = points.sum(axis=1).astype("float32")
model = Fitter()
model.compile(optimizer="sgd")
model.fit(points, heights, batch_size=16, epochs=1, verbose=0)
'''


def test_the_labels_given_to_fit_are_made_a_column(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "warning", proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD204"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "heights = points.sum(axis=1)")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"].endswith('.astype("float32").reshape(-1, 1)'), first
