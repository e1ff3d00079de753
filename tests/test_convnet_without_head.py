"""A convolution stack trained against one label per sample, with no classifier head (real Keras).

keras-team/keras#2668: a Reshape and a Conv2D with its activation, compiled with ``hinge`` and fitted
on one 0/1 label per document, give (None, 100, 100, 10) against (127,). The reply: the model needs
a Flatten and a Dense that outputs what the labels hold. One value per sample is a head of one unit;
pooling or flattening alone would leave ten values per sample, which the loss would broadcast against
the label (r528).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
from keras.models import Sequential
from keras.layers import Reshape, Conv2D, Activation

rng = np.random.default_rng(0)
docs = rng.random((40, 12, 12)).astype("float32")
labels = rng.integers(2, size=40)

model = Sequential()
model.add(Reshape((12, 12, 1), input_shape=(12, 12)))
model.add(Conv2D(4, (3, 3), padding="same"))
model.add(Activation("relu"))
model.compile(loss="hinge", optimizer="sgd")
model.fit(docs, labels, epochs=1, batch_size=8, verbose=0)
'''


def test_the_head_of_one_unit_is_added_after_the_last_layer(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, 'model.add(Activation("relu"))')
    first = finding["fixes"][0]
    assert first["verified"] and "Flatten()" in first["code"] and "Dense(1)" in first["code"]
    assert not any(f["verified"] and "Dense(1)" not in f["code"] for f in finding["fixes"])
    written = written_and_run(run_cli, tmp_path)
    assert "model.add(Flatten())\nmodel.add(Dense(1))\n" in written
