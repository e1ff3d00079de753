"""U-Net skips joined along a spatial axis by a Concatenate made in a loop (real Keras).

The TensorFlow pix2pix generator joins each upsampled map with its skip by ``Concatenate()`` (the
channels). With ``Concatenate(axis=1)`` in the loop the maps are stacked along the height: the output
comes out four times as tall as the target images and the loss fails. The search finds ``axis=-1``
on that line; the line builds every Concatenate of the loop, so the fix changes them all, is verified
that way, and is written once (r564).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers

inputs = keras.Input(shape=(16, 16, 3))
x, skips = inputs, []
for filters in (8, 16, 16):
    x = layers.Conv2D(filters, 3, strides=2, padding="same", activation="relu")(x)
    skips.append(x)
for filters, skip in zip((16, 8), reversed(skips[:-1])):
    x = layers.Conv2DTranspose(filters, 3, strides=2, padding="same", activation="relu")(x)
    x = layers.Concatenate(axis=1)([x, skip])
outputs = layers.Conv2DTranspose(3, 3, strides=2, padding="same")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mae")

rng = np.random.default_rng(0)
images = rng.random((8, 16, 16, 3)).astype("float32")
model.fit(images, images, batch_size=4, epochs=1, verbose=0)
'''


def test_every_concatenate_of_the_loop_joins_the_channels(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    line = line_of(SCRIPT, "x = layers.Concatenate(axis=1)([x, skip])")
    assert finding["culprit"]["line"] == line
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "x = layers.Concatenate(axis=-1)([x, skip])"
    assert "x = layers.Concatenate(axis=-1)([x, skip])" in written_and_run(run_cli, tmp_path)
