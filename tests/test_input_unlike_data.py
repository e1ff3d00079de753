"""An ``Input`` declared unlike the data the script already holds for that model (real Keras; r662).

The model over a grid of class ids is declared with the shape of the features the grid was computed
from, which keeps their last axis: the one-hot of the ids gets five axes and the first convolution
refuses them while the model is built. The data given to the model further down already exists when
the build fails: the ``Input`` is the root cause and takes that data's sample shape, proven by
running the patched script; layer insertions that keep the wrong declaration are withdrawn.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops

rng = np.random.default_rng(5)
features = rng.normal(size=(32, 6, 6, 3)).astype("float32")
grid = np.argmax(features, axis=-1)
ids_in = keras.Input(shape=features.shape[1:], dtype="int32")
onehot = ops.one_hot(ids_in, 3)
hidden = layers.Conv2D(8, 3, padding="same", activation="relu")(onehot)
logits = layers.Conv2D(3, 1)(hidden)
prior = keras.Model(ids_in, logits)
prior.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
prior.fit(grid, grid, epochs=1, verbose=0)
print(prior.predict(grid[:2], verbose=0).shape)
'''


def test_the_input_takes_the_sample_shape_of_the_data_the_model_is_given(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = report["findings"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "ids_in = keras.Input(")
    [fix] = finding["fixes"]
    assert fix["proven"] and fix["code"] == 'ids_in = keras.Input(shape=grid.shape[1:], dtype="int32")'


def test_data_made_after_the_failure_is_not_read(tmp_path):
    script = SCRIPT.replace('grid = np.argmax(features, axis=-1)\n', '').replace(
        'prior.compile(', 'grid = np.argmax(features, axis=-1)\nprior.compile(')
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    [finding] = report["findings"]
    assert finding["culprit"] is None or finding["culprit"]["line"] != line_of(script, "ids_in = keras.Input(")
    assert all("grid.shape" not in fix["code"] for fix in finding["fixes"])


def test_a_declaration_like_the_data_is_left_alone(tmp_path):
    # The ids reach the convolution without their one-hot: a layer slip, the Input is right.
    script = SCRIPT.replace("shape=features.shape[1:]", "shape=grid.shape[1:]").replace(
        "onehot = ops.one_hot(ids_in, 3)", "onehot = ids_in")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    [finding] = report["findings"]
    assert "given further down" not in finding["explanation"]
    assert all("like the data the model is given" not in fix["title"] for fix in finding["fixes"])
