"""Both sides of a silently broadcasting loss are offered verified when its result is one number (real Keras; r717).

``ops.mean(ops.square(pred - y_batch))`` in a ``train_step`` with (n, 1) predictions and (n,) targets
broadcasts to (n, n). Cutting the model's output to a vector and making the targets a column both fix
it; the targets' column is only safe to call verified when the (n, 1) result is reduced to one number
on that very line (no other (n,) term of the loss can meet it), as it is here, and not after a mean
over the last axis only.
"""

from __future__ import annotations

from conftest import run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import ops


class Forecaster(keras.Model):
    def __init__(self):
        super().__init__()
        self.head = keras.layers.Dense(1)

    def call(self, x):
        return self.head(x)

    def train_step(self, data):
        x_batch, y_batch = data
        with tf.GradientTape() as tape:
            pred = self(x_batch, training=True)
            loss = ops.mean(ops.square(pred - y_batch))
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"loss": loss}


rng = np.random.default_rng(4)
x = rng.normal(size=(64, 5)).astype("float32")
y = x.sum(axis=1).astype("float32")
model = Forecaster()
model.compile(optimizer="adam")
model.fit(x, y, batch_size=16, epochs=1, verbose=0)
print("done")
'''


def _codes(report):
    [finding] = [f for f in report["findings"] if f["id"] == "SD204"]
    return {fix["code"]: fix["verified"] for fix in finding["fixes"]}


def test_the_targets_column_is_verified_when_the_loss_is_reduced_to_one_number(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    codes = _codes(report)
    assert codes["loss = ops.mean(ops.square(pred[:, 0] - y_batch))"] is True
    assert codes["loss = ops.mean(ops.square(pred - y_batch[:, None]))"] is True


def test_the_targets_column_stays_unverified_after_a_mean_over_one_axis(tmp_path):
    script = SCRIPT.replace("loss = ops.mean(ops.square(pred - y_batch))",
                            "loss = ops.mean(ops.mean(ops.square(pred - y_batch), axis=-1))")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    codes = _codes(report)
    assert codes["loss = ops.mean(ops.mean(ops.square(pred[:, 0] - y_batch), axis=-1))"] is True
    assert codes["loss = ops.mean(ops.mean(ops.square(pred - y_batch[:, None]), axis=-1))"] is False


HELPER = SCRIPT.replace("""    def train_step(self, data):""", """    def squared_error(self, target, predicted):
        return ops.mean(ops.square(target - predicted))

    def train_step(self, data):""").replace("loss = ops.mean(ops.square(pred - y_batch))",
                                             "loss = self.squared_error(y_batch, pred)")


def test_the_targets_column_is_verified_through_a_loss_helper_that_reduces_it(tmp_path):
    assert HELPER != SCRIPT
    report, _, proc = run_json(run_cli, tmp_path, HELPER)
    assert proc.returncode == 1, proc.stderr
    codes = _codes(report)
    assert codes.get("loss = self.squared_error(y_batch[:, None], pred)") is True
