"""A one-hot encoded column of ids against per-class predictions, broadcast silently (real Keras).

Deep Learning with Python 3rd ed., chapter 7 (r609): a hand-written RMSE metric one-hot encodes
``y_true`` and subtracts the softmax output. With labels stored as a (N, 1) column, ``one_hot`` gives
(b, 1, 10) and ``y_true - y_pred`` broadcasts to (b, b, 10): every label meets every prediction, and
the metric is a finite, wrong number. The operator watch notes it one rank up from (n,) against
(n, 1); the fix takes the axis of size 1 out, and the correct program stays silent.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops


class SquaredGap(keras.metrics.Metric):
    def __init__(self, name="gap", **kwargs):
        super().__init__(name=name, **kwargs)
        self.total = self.add_weight(name="total", initializer="zeros")

    def update_state(self, y_true, y_pred, sample_weight=None):
        wanted = ops.one_hot(y_true, 4)
        self.total.assign_add(ops.sum(ops.square(wanted - y_pred)))

    def result(self):
        return self.total


rng = np.random.default_rng(3)
inputs = keras.Input((6,))
model = keras.Model(inputs, layers.Dense(4, activation="softmax")(inputs))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=[SquaredGap()])
model.fit(rng.random((96, 6)), rng.integers(0, 4, size=(96, 1)), batch_size=32, epochs=1, verbose=0)
'''


def test_the_broadcast_is_named_and_the_extra_axis_taken_out(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "warning", proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD204"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "self.total.assign_add(")
    assert [(f["code"], f["verified"]) for f in finding["fixes"]] == [
        ("self.total.assign_add(ops.sum(ops.square(wanted[:, 0] - y_pred)))", True)]


def test_flat_ids_stay_silent(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT.replace("size=(96, 1))", "size=(96,))"))
    assert proc.returncode == 0 and report["status"] == "ok", report["findings"]
