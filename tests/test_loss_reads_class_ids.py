"""One-hot labels for a loss of the user's own that reshapes them to one class id per sample (real Keras).

A batch-hard triplet loss compares class ids, ``ops.reshape(y_true, (batch, 1))``; given ``to_categorical`` rows
it fails with "Cannot reshape a tensor with 80 elements to shape [8,1]", and before there was no diagnosis at
all (r1123, google/shuwa#2). The labels' line is the root cause and the ids the rows were made from the fix, written
at the one ``to_categorical`` call and proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops

rng = np.random.default_rng(0)
x = rng.normal(size=(48, 12)).astype("float32")
ids = rng.integers(0, 6, size=48)
y = keras.utils.to_categorical(ids, 6)


def batch_hard(y_true, y_pred, margin=0.5):
    labels = ops.reshape(y_true, (ops.shape(y_pred)[0], 1))
    same = ops.cast(ops.equal(labels, ops.transpose(labels)), "float32")
    dist = ops.sum(ops.square(ops.expand_dims(y_pred, 1) - ops.expand_dims(y_pred, 0)), axis=-1)
    return ops.mean(ops.maximum(ops.max(dist * same, axis=1) - ops.min(dist + 1e9 * same, axis=1) + margin, 0.0))


model = keras.Sequential([keras.Input(shape=(12,)), layers.Dense(16, activation="relu"), layers.Dense(8)])
model.compile(optimizer="adam", loss=batch_hard)
model.fit(x, y, batch_size=8, epochs=1, verbose=0)
'''


def test_the_one_hot_line_is_the_cause_and_its_ids_the_fix(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "y = keras.utils.to_categorical(ids, 6)")
    assert finding["culprit"]["line"] == line
    fix = finding["fixes"][0]
    assert fix["line"] == line and fix["code"] == "y = ids" and fix["verified"]
