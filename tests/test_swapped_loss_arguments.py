"""A loss called in a custom ``train_step`` with its arguments swapped (real Keras).

Deep Learning with Python, chapter 7 (r492): ``loss_fn(predictions, targets)`` gives the sparse
cross-entropy the softmax output as the labels. The call is the root cause; the fix swaps the two
arguments, checked first by the same loss computing in the other order, then by the patched run.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras

loss_fn = keras.losses.SparseCategoricalCrossentropy()


class Trainer(keras.Model):
    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            probs = self(x, training=True)
            loss = loss_fn(probs, y)
        grads = tape.gradient(loss, self.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.trainable_weights))
        return {"loss": loss}


inp = keras.Input((4,))
model = Trainer(inp, keras.layers.Dense(3, activation="softmax")(inp))
model.compile(optimizer="sgd")
model.fit(np.random.default_rng(0).random((32, 4)), np.arange(32) % 3, epochs=1, verbose=0)
'''


def test_swapped_loss_arguments_are_swapped_back(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["kind"] == "loss"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "loss = loss_fn(probs, y)")
    assert [f["code"] for f in finding["fixes"]] == ["loss = loss_fn(y, probs)"]
    assert "loss = loss_fn(y, probs)" in written_and_run(run_cli, tmp_path)
