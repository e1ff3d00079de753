"""A dense autoencoder fed flattened images, (N, 64), with the unflattened ones, (N, 8, 8), as targets (the
keras-io autoencoder adapted, r939): the model gives back its input's shape, so the targets get the
input's layout, y.reshape(-1, 64), first, verified by replaying the fit. Real Keras."""

from __future__ import annotations

from conftest import run_json

SCRIPT = """\
import numpy as np
import keras
from keras import layers

images = np.random.default_rng(0).random((64, 8, 8)).astype("float32")
flat = images.reshape(len(images), -1)
inputs = keras.Input(shape=(64,))
code = layers.Dense(4, activation="relu")(inputs)
model = keras.Model(inputs, layers.Dense(64)(code))
model.compile(optimizer="adam", loss="mse")
model.fit(flat, images, epochs=1, verbose=0)
"""


def test_targets_of_an_autoencoder_take_the_input_layout(cli, tmp_path):
    report, _, _ = run_json(cli, tmp_path, SCRIPT)
    finding = report["findings"][0]
    assert finding["culprit"]["kind"] == "labels"
    first = finding["fixes"][0]
    assert first["verified"] and "images.reshape(-1, 64)" in first["code"], first
    assert first["result_shape"] == "(None, 64)"
