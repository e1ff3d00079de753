"""Sequences of feature vectors of different lengths given to an LSTM (real Keras).

Each sample is a (steps, 2) series of its own length, gathered in an object array: Keras cannot make one
tensor of them. The fix pads them with zeros after each series, as float32
(``keras.utils.pad_sequences(x, dtype="float32", padding="post")``; the default int32 would truncate the
measurements to zeros), keeping every sample (r254).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Input, LSTM, Dense

rng = np.random.default_rng(0)
series = [rng.random((n, 3)).astype("float32") for n in rng.integers(2, 7, size=24)]
labels = rng.integers(0, 2, size=(24, 1)).astype("float32")
x = np.array(series, dtype=object)
model = Sequential([Input(shape=(None, 3)), LSTM(8), Dense(1, activation="sigmoid")])
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(x, labels, batch_size=8, epochs=1, verbose=0)
'''


def test_the_series_are_padded_as_floats(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "x = np.array(series, dtype=object)")
    first = finding["fixes"][0]
    assert first["verified"] and 'keras.utils.pad_sequences(x, dtype="float32", padding="post")' in first["code"]
    assert 'dtype="float32", padding="post")' in written_and_run(run_cli, tmp_path)
