"""Next-token targets left unshifted in a ``Dataset.map`` function (real Keras).

Deep Learning with Python's Transformer language model cuts ``x = seq[:, :-1]`` and should take
``y = seq[:, 1:]``; with ``y = seq`` the (None, 12) labels meet a (None, 11, vocab) softmax and the
loss refuses them inside ``fit``. The map function's labels line is the root cause, and the shifted
labels are proven by running the patched script. That proof needs the patched source also where
AutoGraph reads it again before converting the map function (it re-reads the file through
linecache): before, the proof converted the unpatched function and failed (r442).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

tokens = np.random.randint(1, 30, size=(64, 12)).astype("int64")
dataset = tf.data.Dataset.from_tensor_slices(tokens).batch(16)


def prepare(sequences):
    x = sequences[:, :-1]
    y = sequences
    return x, y


lm_dataset = dataset.map(prepare)
inputs = keras.Input(shape=(None,), dtype="int64")
hidden = layers.Embedding(30, 8)(inputs)
outputs = layers.Dense(30, activation="softmax")(layers.LSTM(8, return_sequences=True)(hidden))
model = keras.Model(inputs, outputs)
model.compile(loss="sparse_categorical_crossentropy", optimizer="rmsprop")
model.fit(lm_dataset, epochs=1, verbose=0)
'''


def test_the_map_functions_labels_line_is_the_root_cause_and_the_shift_is_proven(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "    y = sequences")
    first = finding["fixes"][0]
    assert first["code"] == "y = sequences[:, 1:]"
    assert first["proven"] and first["verified"], first


def test_labels_that_are_not_the_inputs_sequence_are_left_alone(tmp_path):
    other = SCRIPT.replace("    y = sequences\n", "    y = sequences * 0\n")
    report, _, proc = run_json(run_cli, tmp_path, other)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert not any("shift the targets" in f["title"] for f in finding["fixes"])
