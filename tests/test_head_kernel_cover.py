"""A convolution head meant to reduce its map to one cell, as the labels have, leaving a grid (real Keras).

The last valid 3x3 convolution gets a 6x6 map and leaves 4x4 predictions that mse silently broadcasts
against one target cell per image. The head's kernel made as large as its input map (kernel_size=6) is
offered and verified: the output becomes (None, 1, 1, 5), the labels' shape.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

images = keras.Input(shape=(8, 8, 3))
h = layers.Conv2D(4, 3, activation="relu")(images)
points = layers.Conv2D(5, 3, activation="sigmoid")(h)
model = keras.Model(images, points)
model.compile(optimizer="adam", loss="mse")
model.fit(np.zeros((6, 8, 8, 3)), np.zeros((6, 1, 1, 5)), epochs=1, verbose=0)
'''


def test_the_head_covers_its_whole_map(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    finding = report["findings"][0]
    assert finding["id"] == "SD204", proc.stderr
    first = finding["fixes"][0]
    assert first["code"] == 'points = layers.Conv2D(5, 6, activation="sigmoid")(h)' and first["verified"], first
    assert finding["culprit"]["line"] == line_of(SCRIPT, "points = layers.Conv2D(5, 3")
