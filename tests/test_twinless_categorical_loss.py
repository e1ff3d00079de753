"""Integer labels under a categorical loss that has no integer-label version (real Keras; r1233).

``categorical_hinge`` (or KL divergence) compares one-hot rows with the output. Given integer class ids, the fix is
to encode the labels: swapping in ``sparse_categorical_crossentropy`` would run, but it optimises another loss. So
the labels are the root cause and ``to_categorical`` comes first; for ``categorical_crossentropy`` the sparse loss
stays first, as the answers to that error say.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

points = np.random.rand(90, 2).astype("float32")
clusters = np.random.randint(0, 3, size=90)

model = keras.Sequential([keras.Input(shape=(2,)), layers.Dense(8, activation="relu"),
                          layers.Dense(3, activation="tanh")])
model.compile(optimizer="adam", loss="categorical_hinge")
model.fit(points, clusters, epochs=1, verbose=0)
'''


def test_the_labels_are_encoded_first(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["kind"] == "labels"
    first = finding["fixes"][0]
    assert first["verified"] and "to_categorical(clusters, 3)" in first["code"]
    assert "no version for integer labels" in finding["explanation"]


def test_categorical_crossentropy_keeps_the_sparse_loss_first(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT.replace('loss="categorical_hinge"',
                                                                 'loss="categorical_crossentropy"'))
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["kind"] == "loss"
    assert "sparse_categorical_crossentropy" in finding["fixes"][0]["code"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "model.compile(")
