"""Flat targets made at the top of the script for a hand-written loss (real Keras; silent, SD204).

Deep Learning with Python (chapter 3) builds a linear classifier's targets as a column with
``np.vstack`` of (n, 1) arrays, like the Dense(1) predictions; built flat with ``np.concatenate``
the square loss broadcasts (n,) - (n, 1) to (n, n) and nothing raises (r470). The line that made
the targets is the root cause, ``.reshape(-1, 1)`` is written at the end of its value and proven.
A target array the script binds twice, or a batch cut from it, stays named at the loss line.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras

per_class = 60
rng = np.random.default_rng(3)
points = np.vstack((rng.normal(0, 1, (per_class, 2)), rng.normal(3, 1, (per_class, 2)))).astype("float32")
labels = np.concatenate((np.zeros(per_class, dtype="float32"),
                         np.ones(per_class, dtype="float32")))
model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])


def squared_error(targets, predictions):
    return tf.reduce_mean(tf.square(targets - predictions))


for step in range(5):
    with tf.GradientTape() as tape:
        loss = squared_error(labels, model(points))
    grads = tape.gradient(loss, model.trainable_weights)
    for weight, grad in zip(model.trainable_weights, grads):
        weight.assign_sub(0.1 * grad)
print(float(loss) >= 0)
'''


def _silent(report: dict) -> list:
    return [f for f in report["findings"] if f["id"] == "SD204"]


def test_the_line_that_made_flat_targets_is_the_root_cause_and_gets_a_column(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "warning", proc.stderr
    [finding] = _silent(report)
    assert "(120,) - (120, 1) to (120, 120)" in finding["message"]
    assert finding["culprit"]["kind"] == "labels" and finding["culprit"]["line"] == line_of(SCRIPT, "labels = np.")
    first = finding["fixes"][0]
    assert first["verified"] and first["proven"], first
    assert first["code"].endswith('np.ones(per_class, dtype="float32"))).reshape(-1, 1)')
    written = written_and_run(run_cli, tmp_path)
    assert 'np.ones(per_class, dtype="float32"))).reshape(-1, 1)' in written


def test_targets_bound_twice_stay_named_at_the_loss_line(tmp_path):
    twice = SCRIPT.replace("model = keras.Sequential", "labels = labels * 1.0\nmodel = keras.Sequential")
    report, _, proc = run_json(run_cli, tmp_path, twice)
    assert proc.returncode == 1, proc.stderr
    [finding] = _silent(report)
    assert finding["culprit"]["line"] == line_of(twice, "loss = squared_error(")
    assert finding["fixes"][0]["code"] == "loss = squared_error(labels, model(points)[:, 0])"


# A Loss subclass gets the labels exactly as fit passes them (no rank alignment): flat prices against a
# Dense(1) output broadcast inside its call, which runs as a graph and notes no values. Its code compares
# its own two parameters unchanged and fit passes a 1-D array: that array's line is the root cause.
LOSS_CLASS = '''import numpy as np
import keras
from keras import layers, ops

rng = np.random.default_rng(5)
rooms = rng.normal(size=(256, 6)).astype("float32")
value = (rooms.sum(axis=1) * 0.1).astype("float32")


class SquaredGap(keras.losses.Loss):
    def call(self, y_true, y_pred):
        return ops.mean(ops.square(y_true - y_pred), axis=-1)


model = keras.Sequential([keras.Input((6,)), layers.Dense(16, activation="relu"), layers.Dense(1)])
model.compile(optimizer="adam", loss=SquaredGap())
history = model.fit(rooms, value, batch_size=32, epochs=2, verbose=0)
print(len(history.history["loss"]))
'''


def test_a_loss_class_given_flat_labels_by_fit_names_the_line_that_made_them(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, LOSS_CLASS)
    assert proc.returncode == 1 and report["status"] == "warning", proc.stderr
    [finding] = _silent(report)
    assert "(32,) - (32, 1) to (32, 32)" in finding["message"]
    assert finding["culprit"]["kind"] == "labels" and finding["culprit"]["line"] == line_of(LOSS_CLASS, "value = (")
    first = finding["fixes"][0]
    assert first["verified"] and first["proven"], first
    assert first["code"] == 'value = (rooms.sum(axis=1) * 0.1).astype("float32").reshape(-1, 1)'


def test_a_loss_class_that_rebinds_its_labels_stays_named_at_its_own_line(tmp_path):
    rebinds = LOSS_CLASS.replace("        return ops.mean(", "        y_true = ops.cast(y_true, 'float32')\n"
                                 "        return ops.mean(")
    report, _, proc = run_json(run_cli, tmp_path, rebinds)
    assert proc.returncode == 1, proc.stderr
    [finding] = _silent(report)
    assert finding["culprit"]["line"] == line_of(rebinds, "return ops.mean(ops.square(")
