"""An autoencoder built from two Sequential models whose decoder ends without its Reshape (real Keras).

Hands-On ML 3, chapter 17: the stacked encoder flattens 28x28 images, the decoder ends with
``Dense(28 * 28)`` and ``Reshape([28, 28])``; left without the Reshape, its 784 values meet the
(28, 28) images it is trained to reproduce. The decoder is a model inside the model: the Reshape is
appended after its last layer (written in its own list), verified by rebuilding, and the patched
script runs (r534).
"""

from __future__ import annotations

from conftest import run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

images = np.random.default_rng(0).random((64, 12, 12)).astype("float32")
encoder = keras.Sequential([layers.Flatten(), layers.Dense(20, activation="relu")])
decoder = keras.Sequential([
    layers.Dense(40, activation="relu"),
    layers.Dense(12 * 12),
])
autoencoder = keras.Sequential([encoder, decoder])
autoencoder.compile(loss="mse", optimizer="adam")
autoencoder.fit(images, images, epochs=1, verbose=0)
'''


def test_the_missing_reshape_is_appended_inside_the_decoder(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "layers.Reshape((12, 12)),"
    written = written_and_run(run_cli, tmp_path)
    assert "    layers.Dense(12 * 12),\n    layers.Reshape((12, 12)),\n])" in written
