"""Rows reshaped into one-step samples where every k consecutive rows make one labelled sample (real Keras).

600 readings of 4 channels, one label per STEPS = 3 readings: reshaped ``(600, 1, 4)``, ``fit`` refuses 600
samples against 200 labels. The reshape is the root cause; the fix groups the rows, ``reshape(-1, STEPS, 4)``
(the model's Input is declared from the data, so it follows), proven. Slicing x to 200 samples, which throws
two thirds of the readings away, is never the verified fix.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

STEPS = 3
readings = np.random.rand(600, 4).astype("float32")
moves = np.random.randint(0, 2, size=600 // STEPS)
x = readings.reshape(600, 1, 4)
model = keras.Sequential([keras.Input(shape=x.shape[1:]), layers.LSTM(8), layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x, moves, epochs=1, verbose=0)
'''


def test_the_reshape_groups_k_rows_per_label(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "x = readings.reshape(600, 1, 4)")
    first = finding["fixes"][0]
    assert first["code"] == "x = readings.reshape(-1, STEPS, 4)" and first["proven"], first
    assert not any(f["verified"] and "[:len(" in f["code"] for f in finding["fixes"])


def test_a_declared_one_step_input_is_left_to_the_count_rules(tmp_path):
    # the Input does not follow the data: grouping the rows alone would not run
    fixed = SCRIPT.replace("keras.Input(shape=x.shape[1:])", "keras.Input(shape=(1, 4))")
    report, _, proc = run_json(run_cli, tmp_path, fixed)
    assert proc.returncode == 1, proc.stderr
    assert not any("STEPS, 4)" in f["code"] for f in report["findings"][0]["fixes"])
