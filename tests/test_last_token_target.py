"""A language model's dataset that gives one next token per window as the labels (real Keras).

Deep Learning with Python's mini-GPT predicts a token at every position and splits each window with
``lambda x: (x[:-1], x[1:])``. Written ``(x[:-1], x[-1])`` (the next-character LSTM's split), the labels
hold one token per window against (batch, steps, vocab) logits: the map line is the cause and ``x[1:]``
the fix (r560). When an LSTM returns every step, that flag may be the slip instead: the culprit stays the
LSTM, and the shifted labels are offered second (Hands-on ML 2's Char-RNN, r1112, wants those).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

vocab, window = 30, 8
rng = np.random.default_rng(0)
stream = rng.integers(1, vocab, size=(9 * 40,)).astype("int32")
ds = tf.data.Dataset.from_tensor_slices(stream).batch(window + 1, drop_remainder=True)
ds = ds.map(lambda x: (x[:-1], x[-1])).batch(8)

inputs = keras.Input(shape=(None,), dtype="int32")
h = layers.Embedding(vocab, 16)(inputs)
h = layers.Conv1D(16, 3, padding="causal", activation="relu")(h)
outputs = layers.Dense(vocab)(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(ds, epochs=1, verbose=0)
'''

RECURRENT = SCRIPT.replace('h = layers.Conv1D(16, 3, padding="causal", activation="relu")(h)',
                           "h = layers.LSTM(16, return_sequences=True)(h)")


def test_the_window_is_shifted_by_one_for_the_labels(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "ds = ds.map(lambda x:")
    assert finding["fixes"][0]["code"] == "ds = ds.map(lambda x: (x[:-1], x[1:])).batch(8)"
    assert "lambda x: (x[:-1], x[1:])" in written_and_run(run_cli, tmp_path)


def test_an_lstm_that_returns_sequences_stays_the_culprit_and_the_shifted_labels_come_second(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, RECURRENT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(RECURRENT, "h = layers.LSTM(16, return_sequences=True)(h)")
    codes = [f["code"] for f in finding["fixes"]]
    assert "return_sequences=False" in codes[0]
    assert codes[1] == "ds = ds.map(lambda x: (x[:-1], x[1:])).batch(8)" and finding["fixes"][1]["verified"]
