"""Flatten over an input declared without its size, when the data the script trains on has one (real Keras).

keras-team/keras#5257 (r1081): ``VGG16(include_top=False)`` without ``input_shape`` declares images of any size;
``Flatten()`` then ``Dense(100)`` cannot size the kernel. The answer declares the size of the data on the base
model. The declaring line is the root cause and the fix writes the size of the array the later ``fit`` trains
on, proven by running the patched script; pooling stays as the other (verified) fix. Data whose channels differ
from the declaration is not taken as the size.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

photos = np.random.default_rng(0).random((24, 16, 16, 3)).astype("float32")
scores = np.random.default_rng(1).random((24, 1)).astype("float32")
inputs = keras.Input(shape=(None, None, 3))
x = layers.Conv2D(4, 3, activation="relu")(inputs)
x = layers.Flatten()(x)
outputs = layers.Dense(1)(layers.Dense(8, activation="relu")(x))
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(photos, scores, epochs=1, verbose=0)
'''


def test_the_input_declaration_gets_the_size_of_the_data_trained_on_later(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "inputs = keras.Input(shape=(None, None, 3))")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["code"] == "inputs = keras.Input(shape=(16, 16, 3))" and first["line"] == line
    assert first["proven"], first
    assert any("GlobalAveragePooling2D" in f["code"] for f in finding["fixes"][1:])


def test_data_whose_channels_differ_from_the_declaration_is_not_taken_as_its_size(tmp_path):
    script = SCRIPT.replace("(24, 16, 16, 3)", "(24, 16, 16, 1)")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(script, "x = layers.Flatten()(x)")
    assert not any("shape=(16, 16" in f["code"] for f in finding["fixes"])
