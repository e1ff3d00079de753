"""Targets given to ``fit`` for a model whose own ``train_step`` uses each batch whole (real Keras).

A subclassed denoiser trains itself on its inputs: ``train_step(self, batch)`` never unpacks ``batch``.
``fit(clean, noisy)`` pairs two arrays of different lengths and Keras refuses the counts; the fit call's
targets are the root cause and the fix removes them, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops


class SelfTaught(keras.Model):
    def __init__(self):
        super().__init__()
        self.squeeze = layers.Dense(3)
        self.expand = layers.Dense(6)

    def call(self, rows):
        return self.expand(self.squeeze(rows))

    def train_step(self, batch):
        with tf.GradientTape() as tape:
            loss = ops.mean(ops.square(self(batch) - batch))
        grads = tape.gradient(loss, self.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.trainable_weights))
        return {"loss": loss}


clean = np.random.default_rng(4).random((40, 6)).astype("float32")
noisy = clean[:10] + 0.1
model = SelfTaught()
model.compile(optimizer="adam")
model.fit(clean, noisy, epochs=1, batch_size=8, verbose=0)
'''


def test_the_targets_are_removed_from_fit(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "model.fit(clean, noisy")
    assert [f["code"] for f in finding["fixes"]] == ["model.fit(clean, epochs=1, batch_size=8, verbose=0)"]
    assert finding["fixes"][0]["proven"]


def test_a_step_that_unpacks_its_batch_keeps_its_targets(tmp_path):
    # the step reads (inputs, targets): the targets are used, the counts are the problem, no removal offered
    script = SCRIPT.replace("    def train_step(self, batch):\n", "    def train_step(self, batch):\n"
                            "        batch, _unused = batch\n")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert not any(f["code"] == "model.fit(clean, epochs=1, batch_size=8, verbose=0)" for f in finding["fixes"])
