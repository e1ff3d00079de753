"""A Dense trunk on windows whose output heads are also too narrow: both edits, verified together (real Keras; r1151).

``Dense(64)`` layers on (steps, series) windows keep the time axis, and each head is ``Dense(1)`` where the
labels hold the next 5 values per sample. A Flatten (or pooling) before the first Dense alone leaves (None, 1)
against (N, 5); the fix that also widens the heads is verified by Keras with the real labels. When the outputs'
labels differ in width, widening every head to one width fails that check and is not shown as verified.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

STEPS, SERIES, HORIZON = 10, 4, 3
windows = np.random.rand(120, STEPS, SERIES).astype("float32")
future = np.random.rand(120, HORIZON).astype("float32")

inputs = keras.Input(shape=(STEPS, SERIES))
hidden = layers.Dense(32, activation="relu")(inputs)
forecast = layers.Dense(1)(hidden)
model = keras.Model(inputs, forecast)
model.compile(optimizer="adam", loss="mse")
model.fit(windows, future, epochs=1, verbose=0)
'''


def test_the_trunk_is_flattened_and_the_head_widened_in_one_verified_fix(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "hidden = layers.Dense(32")
    first = finding["fixes"][0]
    assert first["verified"] and first["result_shape"] == "(None, 3)"
    assert "Flatten()(inputs)" in first["code"] and "forecast = layers.Dense(HORIZON)(hidden)" in first["code"]


def test_heads_for_labels_of_other_widths_are_not_widened_alike(tmp_path):
    two = SCRIPT.replace('''forecast = layers.Dense(1)(hidden)
model = keras.Model(inputs, forecast)''', '''forecast = layers.Dense(1)(hidden)
trend = layers.Dense(1)(hidden)
model = keras.Model(inputs, [forecast, trend])''').replace("model.fit(windows, future,",
                                                           "model.fit(windows, [future, future[:, :2]],")
    report, _, proc = run_json(run_cli, tmp_path, two)
    assert proc.returncode == 1, proc.stderr
    widened = [f for f in report["findings"][0]["fixes"] if "labels' 3 values" in f["title"]]
    assert all(not f["verified"] for f in widened)
