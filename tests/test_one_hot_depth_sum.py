"""A custom layer that sums its one-hot tensor over the depth axis (real Keras).

Hands-on ML 2's bag-of-words layer counts tokens with ``tf.reduce_sum(tf.one_hot(ids, n), axis=1)``; written
``axis=-1`` the layer returns ones of shape (batch, steps), unknown steps, and the Dense after it cannot be built
(r1108). The reduction's line is the root cause and ``axis=1`` the fix, proven by running the patched script; a
layer that sums over the steps axis is valid and gets no finding.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

ids = np.random.default_rng(0).integers(1, 30, size=(64, 12)).astype("int32")
liked = np.random.default_rng(1).integers(0, 2, size=64).astype("float32")


class TokenCounts(layers.Layer):
    def __init__(self, depth, **kwargs):
        super().__init__(**kwargs)
        self.depth = depth

    def call(self, inputs):
        encoded = tf.one_hot(inputs, self.depth)
        return tf.reduce_sum(encoded, axis=-1)


model = keras.Sequential([keras.Input(shape=(None,), dtype="int32"), TokenCounts(30),
                          layers.Dense(16, activation="relu"), layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(ids, liked, epochs=1, verbose=0)
print("done")
'''


def test_the_reduction_over_the_one_hot_depth_is_the_cause_and_axis_1_the_fix(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "return tf.reduce_sum(encoded, axis=-1)")
    fix = finding["fixes"][0]
    assert fix["code"] == "return tf.reduce_sum(encoded, axis=1)" and fix["verified"]


def test_counts_over_the_steps_are_valid(tmp_path):
    valid = SCRIPT.replace("axis=-1)", "axis=1)")
    report, _, proc = run_json(run_cli, tmp_path, valid)
    assert proc.returncode == 0, proc.stderr
    assert not report["findings"] and "done" in proc.stderr  # --json keeps stdout for the report
