"""A pooling window as large as its whole map, padded "same" with stride 1 (SD212, real Keras).

keras-resnet #9 (r1049): the last ``AveragePooling2D(pool_size=(7, 7), strides=(1, 1), padding="same")`` keeps
the 7x7 map, so Flatten gives the classifier 49 times the features and training runs. The warning names the
pooling line and writes ``padding="valid"``, proven by running the patched script. A same-padded pool in the
middle of a block (an Inception branch whose map goes on to a convolution) keeps its map on purpose: no warning.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

images = np.random.default_rng(0).random((16, 20, 20, 3)).astype("float32")
kinds = np.random.default_rng(1).integers(0, 4, size=16)
inputs = keras.Input(shape=(20, 20, 3))
x = layers.Conv2D(8, 3, strides=4, padding="same", activation="relu")(inputs)
x = layers.AveragePooling2D(pool_size=(5, 5), strides=(1, 1), padding="same")(x)
x = layers.Flatten()(x)
outputs = layers.Dense(4, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(images, kinds, epochs=1, verbose=0)
print("width", model.layers[-1].input.shape[-1])
'''


def test_a_window_as_large_as_the_map_with_same_padding_is_warned_and_fixed_with_valid(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "warning", proc.stdout[-2000:]
    finding = report["findings"][0]
    assert finding["id"] == "SD212"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "layers.AveragePooling2D(pool_size=(5, 5)")
    assert finding["received"] == "(None, 5, 5, 8)" and finding["expected"] == "(None, 1, 1, 8)"
    fix = finding["fixes"][0]
    assert fix["code"] == 'x = layers.AveragePooling2D(pool_size=(5, 5), strides=(1, 1), padding="valid")(x)'
    assert fix["verified"]


def test_a_same_padded_pool_feeding_a_convolution_is_not_warned(tmp_path):
    script = SCRIPT.replace("x = layers.Flatten()(x)", "x = layers.Conv2D(4, 1)(x)\nx = layers.GlobalAveragePooling2D()(x)")
    assert script != SCRIPT
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 0, proc.stderr
    assert report["status"] == "ok", report["findings"]
