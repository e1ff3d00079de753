"""A model helper whose ``Input(shape=input_shape)`` is called with the wrong shape (real Keras; r636).

The verified fix that writes the shape inside the helper would hard-code it; the shape is written where
the helper is called instead, spelled with the caller's name when the new size is a whole ratio of the old
(``LENGTH // 2``), proven by running the patched script; that call is the root cause.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

LENGTH = 100


def halve(signal):
    return signal[:, ::2]


def build(input_shape):
    inputs = keras.Input(shape=input_shape)
    h = layers.Conv1D(4, 5, activation="relu")(inputs)
    return keras.Model(inputs, layers.Dense(2, activation="softmax")(layers.GlobalAveragePooling1D()(h)))


signals = halve(np.random.rand(32, LENGTH, 1).astype("float32"))
model = build((LENGTH, 1))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(signals, np.random.randint(0, 2, 32), epochs=1, verbose=0)
print("ok")
'''


def test_the_shape_is_written_where_the_helper_is_called(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = [f for f in report["findings"] if f["severity"] == "error"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "model = build((LENGTH, 1))")
    first = finding["fixes"][0]
    assert first["proven"] and first["code"] == "model = build((LENGTH // 2, 1))"
