"""Inputs cut to their first rows by a slice of themselves, labels passed uncut (real Keras).

TensorFlow's save-and-load tutorial (r584) keeps the first 1000 examples and slices images and labels
together. With ``test_images = test_images[:200].reshape(-1, 784) / 255`` and no slice of
``test_labels``, evaluate finds 200 inputs for 800 labels. The fix cuts the labels with the same
bounds (``test_labels[:200]``), verified on all the data. Without such a slice in the script there is
no evidence of which rows pair, and the rule stays silent.
"""

from __future__ import annotations

from conftest import run_cli, run_json

SCRIPT = '''import numpy as np
import keras

rng = np.random.default_rng(5)
test_images = rng.random((300, 6, 6)).astype("float32")
test_labels = rng.integers(0, 3, size=(300,))
train_images = rng.random((64, 36)).astype("float32")
train_labels = rng.integers(0, 3, size=(64,))
test_images = test_images[10:130].reshape(-1, 36)

model = keras.Sequential([keras.Input((36,)), keras.layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(train_images, train_labels, epochs=1, verbose=0)
model.evaluate(test_images, test_labels, verbose=0)
'''


def test_the_labels_are_cut_with_the_inputs_bounds(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["kind"] == "labels"
    first = finding["fixes"][0]
    assert first["verified"] and "test_labels[10:130]" in first["code"], finding["fixes"]


def test_without_a_slice_of_the_inputs_no_bounds_are_guessed(tmp_path):
    script = SCRIPT.replace("test_images = test_images[10:130].reshape(-1, 36)",
                            "test_images = rng.random((120, 36)).astype('float32')")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    assert not any("[10:130]" in f["code"] for f in report["findings"][0]["fixes"])
