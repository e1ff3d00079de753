"""0/1 labels, one sigmoid unit and a sparse categorical loss: the head was built as a binary classifier
(a 10-way model's head replaced by ``Dense(1, activation="sigmoid")``, keras-io's packaging recipe, r991),
so the loss is the slip: ``loss="binary_crossentropy"`` first (verified), two softmax units second. Real
Keras."""

from __future__ import annotations

from conftest import line_of, run_json

SCRIPT = """\
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(0)
x, y = rng.random((64, 8)), rng.integers(0, 2, 64)
model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(8, activation="relu"),
                          layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["binary_accuracy"])
model.fit(x, y, epochs=1, verbose=0)
"""


def test_a_binary_head_gets_the_binary_loss_first(cli, tmp_path):
    report, _, proc = run_json(cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr[-2000:]
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "model.compile(")
    first, second = finding["fixes"][:2]
    assert 'loss="binary_crossentropy"' in first["code"] and first["verified"], first
    assert "Dense(2" in second["code"], second
