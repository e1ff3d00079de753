"""A two-input model given the first two rows of an array of pairs (real Keras).

A siamese network's pairs are one ``(n, 2, h, w)`` array (r1074): ``fit([pairs[0], pairs[1]], y)`` gives
the inputs the first two pairs, two samples each against ``n`` labels. The fix takes every row's items,
``[pairs[:, 0], pairs[:, 1]]``, proven by running the patched script. An array whose second axis does not
hold one item per input is left to the other readings.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

pairs = np.random.default_rng(0).random((30, 2, 6, 6)).astype("float32")
same = np.random.default_rng(1).integers(0, 2, size=30).astype("float32")
left, right = keras.Input(shape=(6, 6)), keras.Input(shape=(6, 6))
tower = keras.Sequential([layers.Flatten(), layers.Dense(4)])
distance = layers.Lambda(lambda t: keras.ops.sum(keras.ops.abs(t[0] - t[1]), axis=1, keepdims=True))(
    [tower(left), tower(right)])
model = keras.Model([left, right], distance)
model.compile(optimizer="adam", loss="mse")
model.fit([pairs[0], pairs[1]], same, epochs=1, verbose=0)
'''


def test_inputs_taken_as_the_first_rows_of_an_array_of_pairs_take_every_rows_items(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "model.fit([pairs[0], pairs[1]]")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["code"] == "model.fit([pairs[:, 0], pairs[:, 1]], same, epochs=1, verbose=0)" and first["verified"]


def test_an_array_without_one_item_per_input_on_its_second_axis_is_not_split_there(tmp_path):
    script = SCRIPT.replace("random((30, 2, 6, 6))", "random((30, 3, 6, 6))")
    assert script != SCRIPT
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    assert not any("[:, 0]" in f["code"] for f in report["findings"][0]["fixes"])
