"""A hand-written loss that sums over the samples of the batch (real Keras; SD210, silent; r665).

The user's own loss is measured: two samples, then the same two samples twice. A single number that
doubles is a sum over the batch; the first total ``sum``/``reduce_sum`` in the function is the root
cause and every such call becomes a mean, proven by running the patched script. Losses that reduce
only the per-sample axes, or divide a sum by another sum over the batch (a masked mean), are left alone.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers


def squared_gap(y_true, y_pred):
    gap = tf.square(y_true - y_pred)
    return tf.reduce_sum(gap)


rng = np.random.default_rng(12)
plots = rng.normal(size=(96, 5)).astype("float32")
harvest = plots[:, :2].sum(axis=1, keepdims=True).astype("float32")
model = keras.Sequential([keras.Input(shape=(5,)), layers.Dense(8, activation="relu"), layers.Dense(1)])
model.compile(optimizer="sgd", loss=squared_gap)
model.fit(plots, harvest, batch_size=16, epochs=2, verbose=0)
print("done")
'''


def _summed(report: dict) -> list:
    return [f for f in report["findings"] if f["id"] == "SD210"]


def test_a_loss_summed_over_the_batch_is_found_by_measuring_it_and_averaged(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "warning", proc.stderr
    [finding] = _summed(report)
    assert finding["message"] == "loss `squared_gap` sums over the samples of the batch: twice the samples, twice the loss"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "return tf.reduce_sum(gap)")
    assert finding["consumer"]["line"] == line_of(SCRIPT, "model.fit(")
    [fix] = finding["fixes"]
    assert fix["proven"] and fix["code"] == "return tf.reduce_mean(gap)"
    assert "return tf.reduce_mean(gap)" in written_and_run(run_cli, tmp_path)


def test_per_sample_sums_and_masked_means_are_left_alone(tmp_path):
    for body in ("return tf.reduce_sum(gap, axis=-1)",
                 "weight = tf.ones_like(gap)\n    return tf.reduce_sum(gap * weight) / tf.reduce_sum(weight)"):
        right = SCRIPT.replace("return tf.reduce_sum(gap)", body)
        report, _, proc = run_json(run_cli, tmp_path, right)
        assert proc.returncode == 0 and report["status"] == "ok", (body, proc.stdout[-2000:])
