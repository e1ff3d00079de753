"""Sparse labels (N, 1) against an output with exactly one position, (None, 1, k), are one class id per
sample and per position at once: valid, as Keras computes the loss (keras-io's patch classifier turned
detector, w182). With two positions, (None, 2, k), the same labels are still flagged. Real Keras."""

from __future__ import annotations

from conftest import run_json

SCRIPT = """\
import numpy as np
import keras
from keras import layers

x = np.random.default_rng(0).random((32, 8)).astype("float32")
y = np.random.default_rng(1).integers(0, 4, size=(32, 1))
model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense({units}, activation="relu"),
                          layers.Reshape(({positions}, 4)), layers.Softmax()])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x, y, epochs=1, verbose=0)
print("trained", model.output_shape)
"""


def test_one_position_output_with_sparse_column_labels_is_not_flagged(cli, tmp_path):
    report, _, proc = run_json(cli, tmp_path, SCRIPT.format(units=4, positions=1))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert report["findings"] == [], report["findings"]


def test_two_positions_with_one_label_per_sample_are_still_flagged(cli, tmp_path):
    report, _, _ = run_json(cli, tmp_path, SCRIPT.format(units=8, positions=2))
    assert report["findings"], "(None, 2, 4) against (32, 1) sparse labels went unflagged"
    assert report["findings"][0]["id"] in ("SD202", "SD206"), report["findings"][0]["id"]
