"""A model ported from channels-first code: input declared (3, H, W) and maps joined on axis 1 (real Keras).

The ML-Net thread (marcellacornia/mlnet#10, r480): under channels-last Keras the concatenation of
the multi-level feature maps fails because they differ in their last (channel) axis. Joining along
the last axis alone would build a model whose convolutions slide over the colour axis as if it were
image rows; the reporter's fix declares the input channels-last and joins on the channel axis, both.
"""

from __future__ import annotations

from conftest import run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

images = np.random.default_rng(1).random((8, 32, 40, 3)).astype("float32")
maps = np.random.default_rng(2).random((8, 8, 10, 1)).astype("float32")

inp = keras.Input(shape=(3, 32, 40))
a = layers.Conv2D(8, 3, padding="same", activation="relu")(inp)
a = layers.MaxPooling2D(2, padding="same")(a)
b = layers.Conv2D(16, 3, padding="same", activation="relu")(a)
b = layers.MaxPooling2D(2, padding="same")(b)
a = layers.MaxPooling2D(2, padding="same")(a)
joined = layers.concatenate([a, b], axis=1)
out = layers.Conv2D(1, 1, activation="sigmoid")(joined)
model = keras.Model(inp, out)
model.compile(optimizer="adam", loss="mse")
model.fit(images, maps, epochs=1, verbose=0)
'''


def test_channels_first_port_moves_the_declaration_and_the_merge_axis_together(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["family"] == "merge-mismatch"
    fixes = [f for f in finding["fixes"] if f["verified"]]
    assert fixes, finding["fixes"]
    assert "keras.Input(shape=(32, 40, 3))" in fixes[0]["code"]
    assert "joined = layers.concatenate([a, b], axis=-1)" in fixes[0]["code"]
    # axis=-1 alone builds, but leaves the convolutions reading the colour axis as image rows
    assert not any("axis=-1" in f["code"] and "Input" not in f["code"] for f in finding["fixes"])
