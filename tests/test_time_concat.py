"""Parallel Conv1D branches of one sequence joined along its time axis (real Keras; ``run --json``).

A CNN-BiLSTM intent classifier joins three kernel-size branches with ``concatenate(outputs, axis=1)``:
(None, 36, 32) instead of (None, 12, 96), the BiLSTM reads three sentences in a row, and nothing
raises. The join is the root cause; ``axis=-1``, replayed through Keras, is written on that line
(r361). Joining two different sequences along time (a question and an answer) stays unflagged.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

x = np.random.rand(32, 12, 8).astype("float32")
y = keras.utils.to_categorical(np.random.randint(0, 3, 32), 3)

inp = keras.Input(shape=(12, 8))
branches = []
for size in (1, 2, 3):
    branch = layers.Conv1D(4, size, padding="same", activation="relu")(inp)
    branches.append(layers.MaxPooling1D()(branch))
joined = layers.concatenate(branches, axis=1)
h = layers.Bidirectional(layers.LSTM(4))(joined)
model = keras.Model(inp, layers.Dense(3, activation="softmax")(h))
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(x, y, epochs=1, verbose=0)
'''

TWO_SEQUENCES = '''import numpy as np
import keras
from keras import layers

question = keras.Input(shape=(10, 8))
answer = keras.Input(shape=(10, 8))
q = layers.Conv1D(4, 3, padding="same")(question)
a = layers.Conv1D(4, 3, padding="same")(answer)
both = layers.Concatenate(axis=1)([q, a])
model = keras.Model([question, answer], layers.Dense(1)(layers.LSTM(4)(both)))
model.compile(optimizer="adam", loss="mse")
model.fit([np.random.rand(16, 10, 8), np.random.rand(16, 10, 8)], np.random.rand(16, 1), epochs=1, verbose=0)
print("ok")
'''


def test_branches_of_one_sequence_joined_on_time_are_flagged(tmp_path):
    report, _, _proc = run_json(run_cli, tmp_path, SCRIPT)
    finding = report["findings"][0]
    assert finding["severity"] == "warning" and finding["received"] == "(None, 18, 4)"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "joined = layers.concatenate(")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "joined = layers.concatenate(branches, axis=-1)"


def test_two_different_sequences_joined_on_time_are_left_alone(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, TWO_SEQUENCES)
    assert proc.returncode == 0, proc.stderr
    assert report["findings"] == []
