"""A fix keeps what the head is scored as: a loss made with ``from_logits=True`` (real Keras).

The TensorFlow text-classification tutorial ends in ``Dense(1)`` under
``BinaryCrossentropy(from_logits=True)``: one raw logit per review, the loss applies the sigmoid. With
``Dense(2)`` there, the two-unit head is the cause and ``Dense(1)`` the fix; a fix that adds
``activation="sigmoid"`` would run and be wrong (the loss would apply a second sigmoid), and a switch to
the string ``"sparse_categorical_crossentropy"`` would read the logits as probabilities (r559).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

BINARY = '''import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(0)
x = rng.random((64, 10)).astype("float32")
y = rng.integers(2, size=64)

model = keras.Sequential([
    keras.Input(shape=(10,)),
    layers.Dense(16, activation="relu"),
    layers.Dense(2),
])
model.compile(loss=keras.losses.BinaryCrossentropy(from_logits=True), optimizer="adam")
model.fit(x, y, epochs=1, batch_size=16, verbose=0)
'''

CATEGORICAL = '''import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(1)
x = rng.random((48, 6)).astype("float32")
y = rng.integers(3, size=48)

model = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(3)])
model.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=True), optimizer="adam")
model.fit(x, y, epochs=1, batch_size=16, verbose=0)
'''


def test_the_one_unit_head_stays_a_logit(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, BINARY)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(BINARY, "layers.Dense(2),")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"].strip() == "layers.Dense(1),"
    assert not any("sigmoid" in f["code"] for f in finding["fixes"])
    assert not any('"sparse_categorical_crossentropy"' in f["code"] for f in finding["fixes"])
    assert "layers.Dense(1),\n])" in written_and_run(run_cli, tmp_path)


def test_the_sparse_twin_keeps_from_logits(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, CATEGORICAL)
    assert proc.returncode == 1, proc.stderr
    first = report["findings"][0]["fixes"][0]
    assert first["verified"]
    assert "loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True)" in first["code"]
    assert "SparseCategoricalCrossentropy(from_logits=True)" in written_and_run(run_cli, tmp_path)
