"""A Dense whose units are written with the Reshape's own names but miss a parenthesis (real Keras).

Deep Learning with Python (3rd edition, chapter 12) ends a YOLO head in
``Dense(grid_size * grid_size * (num_labels + 5))`` before ``Reshape((grid_size, grid_size, num_labels +
5))``. Without the parentheses the Dense makes 6*6*91 + 5 values; Keras names the Reshape, but the
target is the design (the labels follow it) and the units' expression is the slip (r558). The model
returns a dict of outputs: its labels are keyed by the dict's keys, which Keras 3 accepts (no label-key
alarm, which used to stop the proof of the fix).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

grid, classes = 3, 4
inputs = keras.Input(shape=(16,))
x = layers.Dense(32, activation="relu")(inputs)
x = layers.Dense(grid * grid * classes + 5)(x)
x = layers.Reshape((grid, grid, classes + 5))(x)
outputs = {"box": x[..., :5], "label": layers.Activation("softmax")(x[..., 5:])}
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss={"box": "mse", "label": "sparse_categorical_crossentropy"})

rng = np.random.default_rng(0)
features = rng.random((24, 16)).astype("float32")
boxes = rng.random((24, grid, grid, 5)).astype("float32")
labels = rng.integers(0, classes, size=(24, grid, grid))
model.fit(features, {"box": boxes, "label": labels}, epochs=1, verbose=0)
'''


def test_the_dense_whose_units_slipped_is_the_cause(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "x = layers.Dense(grid * grid * classes + 5)(x)")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "x = layers.Dense(grid * grid * (classes + 5))(x)"
    written = written_and_run(run_cli, tmp_path)
    assert "layers.Dense(grid * grid * (classes + 5))" in written


def test_labels_keyed_like_a_dict_of_outputs_are_no_problem(tmp_path):
    fixed = SCRIPT.replace("grid * grid * classes + 5", "grid * grid * (classes + 5)")
    report, _, proc = run_json(run_cli, tmp_path, fixed)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert report["findings"] == []
