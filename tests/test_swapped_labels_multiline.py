"""Label arrays passed in another order than the outputs, in a call written over several lines (real Keras).

Deep Learning with Python (chapter 7) evaluates a two-output model with the targets in the order of
``outputs=[priority, department]``; swapped on the call's second line, the department loss gets the
priority column and Keras raises (r469). The root cause is the line holding the label list, not the
call's first line, and the reordered list is written there, over the call's own lines.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

words = keras.Input(shape=(50,), name="words")
extra = keras.Input(shape=(6,), name="extra")
hidden = layers.Dense(16, activation="relu")(layers.Concatenate()([words, extra]))
price = layers.Dense(1, name="price")(hidden)
kind = layers.Dense(3, activation="softmax", name="kind")(hidden)
model = keras.Model([words, extra], [price, kind])
model.compile(optimizer="adam", loss=["mse", "categorical_crossentropy"])

rng = np.random.default_rng(1)
words_data, extra_data = rng.random((64, 50)), rng.random((64, 6))
price_data = rng.random((64, 1))
kind_data = keras.utils.to_categorical(rng.integers(0, 3, 64), 3)
model.fit([words_data, extra_data], [price_data, kind_data], epochs=1, verbose=0)
model.evaluate([words_data, extra_data],
               [kind_data, price_data],
               verbose=0)
'''


def test_swapped_labels_on_a_continuation_line_are_named_and_reordered_there(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert "different order than the model's outputs" in finding["message"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "[kind_data, price_data]")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "[price_data, kind_data],"
    rows = [step["layer"] for step in finding["path"] if step["class"] == "data"]
    assert rows == ["words_data", "extra_data"]
    assert "               [price_data, kind_data],\n" in written_and_run(run_cli, tmp_path)
