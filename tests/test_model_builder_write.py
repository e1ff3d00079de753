"""A layer inserted in a function that builds and returns a whole model is written there (real Keras).

The Keras Tuner tutorial's ``model_builder(units, learning_rate)`` (r486), rewritten without its
``Flatten``, is called once per hyperparameter choice: every call builds the same layers, so inserting
``Flatten()`` in the function is the one edit that repairs every model it makes. A helper that
returns a tensor (a block used in several places of one model) stays refused (tests/test_codegen.py).
"""

from __future__ import annotations

from conftest import run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras

images = np.random.default_rng(0).random((64, 8, 8)).astype("float32")
labels = np.arange(64) % 4


def model_builder(units):
    model = keras.Sequential()
    model.add(keras.Input(shape=(8, 8)))
    model.add(keras.layers.Dense(units, activation="relu"))
    model.add(keras.layers.Dense(4))
    model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    return model


for units in (8, 16):
    model_builder(units).fit(images, labels, epochs=1, verbose=0)
final = model_builder(16)
final.fit(images, labels, epochs=1, verbose=0)
'''


def test_flatten_is_written_into_the_model_builder(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    fix = report["findings"][0]["fixes"][0]
    assert fix["code"] == "model.add(keras.layers.Flatten())" and fix["verified"]
    assert fix["patch"], fix
    written = written_and_run(run_cli, tmp_path)
    assert "    model.add(keras.layers.Flatten())\n    model.add(keras.layers.Dense(units" in written
