"""Labels (N, L) against an output (None, L, k) under mse: one value per position (the head should give
one channel), or one row of k values per sample (the input's extra axis was never flattened)? When the
head's width already is the labels' width, k == L, the head was sized for a row per sample: the first
Dense on the matrix gets Flatten() (Stack Overflow's letter-guessing Q-net, r929). When k differs, the
head gets one unit, as before. Real Keras, each fix verified by replaying the fit."""

from __future__ import annotations

from conftest import line_of, run_json

SCRIPT = """\
import numpy as np
import keras
from keras import layers

states = np.random.default_rng(0).random((64, 6, 9)).astype("float32")
targets = states[:, :, 0] * 2.0
model = keras.Sequential()
model.add(keras.Input(shape=(6, 9)))
model.add(layers.Dense(16, activation="relu"))
model.add(layers.Dense({head}))
model.compile(loss="mse", optimizer="adam")
model.fit(states, targets, epochs=1, verbose=0)
"""


def test_head_as_wide_as_the_labels_gets_the_matrix_flattened(cli, tmp_path):
    code = SCRIPT.format(head=6)
    report, _, _ = run_json(cli, tmp_path, code)
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(code, "layers.Dense(16")
    first = finding["fixes"][0]
    assert first["verified"] and "Flatten()" in first["code"], first


def test_head_of_another_width_gets_one_unit_per_position(cli, tmp_path):
    code = SCRIPT.format(head=3)
    report, _, _ = run_json(cli, tmp_path, code)
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(code, "layers.Dense(3)")
    assert finding["fixes"][0]["verified"] and "Dense(1)" in finding["fixes"][0]["code"], finding["fixes"][0]
