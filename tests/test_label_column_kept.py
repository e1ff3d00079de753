"""The label column taken out of a table for the labels but left in the data (real Keras).

The TensorFlow autoencoder tutorial (r488): ``labels = raw_data[:, -1]`` beside ``data = raw_data``
leaves each row's label as an extra value. The data's line is the root cause and keeps every column
but the label one, proven by running the patched script; here for a classifier declared on the
feature columns, and for the tutorial's autoencoder, whose targets are the data itself.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

CLASSIFIER = '''import numpy as np
import keras

table = np.random.default_rng(0).random((80, 6)).astype("float32")
table[:, -1] = np.arange(80) % 2
target = table[:, -1]
features = table
model = keras.Sequential([keras.Input((5,)), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(features, target, epochs=1, verbose=0)
'''

AUTOENCODER = '''import numpy as np
import keras

rows = np.random.default_rng(1).random((60, 9)).astype("float32")
kind = rows[:, -1]
signal = rows
model = keras.Sequential([keras.layers.Dense(4, activation="relu"), keras.layers.Dense(8)])
model.compile(optimizer="adam", loss="mae")
model.fit(signal, signal, epochs=1, verbose=0)
'''


def test_label_column_left_in_the_features(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, CLASSIFIER)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(CLASSIFIER, "features = table")
    assert finding["fixes"][0]["code"] == "features = table[:, :-1]"
    assert "features = table[:, :-1]\n" in written_and_run(run_cli, tmp_path)


def test_label_column_left_in_an_autoencoders_data(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, AUTOENCODER)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(AUTOENCODER, "signal = rows")
    assert finding["fixes"][0]["code"] == "signal = rows[:, :-1]"
