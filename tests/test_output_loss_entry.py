"""A loss fix for one output of several rewrites only that output's entry of ``loss={...}`` / ``loss=[...]`` (real Keras).

The fix is verified by replacing that one output's loss (the others stay); the code written must be the same
change: a digit-and-box model compiled with ``{"digit": "sparse_categorical_crossentropy", "box": "mse"}`` for
one-hot digits becomes ``{"digit": "categorical_crossentropy", "box": "mse"}``, not one loss for both outputs
(r1216, which wrote ``loss="categorical_crossentropy"`` and so gave the box regression a cross-entropy).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

images = np.random.rand(64, 8, 8, 1).astype("float32")
digits = keras.utils.to_categorical(np.random.randint(0, 5, size=64), 5)
boxes = np.random.rand(64, 4).astype("float32")

inputs = keras.Input(shape=(8, 8, 1))
x = layers.Flatten()(layers.Conv2D(4, 3, activation="relu")(inputs))
digit = layers.Dense(5, activation="softmax", name="digit")(x)
box = layers.Dense(4, name="box")(x)
model = keras.Model(inputs, [digit, box])
model.compile(optimizer="adam", loss={"digit": "sparse_categorical_crossentropy", "box": "mse"})
model.fit(images, [digits, boxes], epochs=1, verbose=0)
'''


def test_only_the_dict_entry_of_the_failing_output_is_rewritten(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "model.compile(")
    assert finding["culprit"]["kind"] == "loss" and finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["verified"]
    assert first["code"] == 'model.compile(optimizer="adam", loss={"digit": "categorical_crossentropy", "box": "mse"})'
    assert '"box": "mse"' in written_and_run(run_cli, tmp_path)


def test_only_the_list_entry_of_the_failing_output_is_rewritten(tmp_path):
    listed = SCRIPT.replace('loss={"digit": "sparse_categorical_crossentropy", "box": "mse"}',
                            "loss=['sparse_categorical_crossentropy', 'mse']")
    report, _, proc = run_json(run_cli, tmp_path, listed)
    assert proc.returncode == 1, proc.stderr
    first = report["findings"][0]["fixes"][0]
    assert first["code"] == 'model.compile(optimizer="adam", loss=[\'categorical_crossentropy\', \'mse\'])'
