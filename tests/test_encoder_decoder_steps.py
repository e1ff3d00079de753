"""An LSTM that returns its 20 input steps into a per-step head, trained on targets of 5 future steps:
the LSTM is the culprit, and the encoder-decoder fix (return_sequences=False, then RepeatVector(5)) is
verified by replaying the fit (the Q&A answer for a 48-in, 12-out load forecaster, r925). Real Keras."""

from __future__ import annotations

from conftest import line_of, run_json

SCRIPT = """\
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(0)
x = rng.random((64, 20, 1)).astype("float32")
y = rng.random((64, 5, 1)).astype("float32")
inputs = keras.Input(shape=(20, 1))
h = layers.LSTM(16, return_sequences=True)(inputs)
out = layers.TimeDistributed(layers.Dense(1))(h)
model = keras.Model(inputs, out)
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=1, verbose=0)
"""


def test_steps_kept_by_the_lstm_are_repeated_for_the_target_steps(cli, tmp_path):
    report, _, _ = run_json(cli, tmp_path, SCRIPT)
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "layers.LSTM(")
    first = finding["fixes"][0]
    assert first["verified"] and first["result_shape"] == "(None, 5, 1)", first
    assert "return_sequences=False" in first["code"] and "RepeatVector(5)" in first["code"], first["code"]
