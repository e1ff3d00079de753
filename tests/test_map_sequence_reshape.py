"""A map read as a sequence by a Reshape whose step count was written for a smaller input (real Keras).

A CRNN-style model turns its (16, 8, 8) feature map into a sequence with ``Reshape((8, 64))``, written when
the images were half as wide: 512 values for 1024. The fix offered first keeps one step per position of
the map's first axis and gathers the rest as features, ``target_shape=(16, 64)``, verified; the
"let one axis absorb the size" rewrites, which would put two columns in one step, come after it.
"""

from __future__ import annotations

from conftest import run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

plates = keras.Input(shape=(32, 16, 1))
x = layers.Conv2D(8, 3, padding="same", activation="relu")(plates)
x = layers.MaxPooling2D(2)(x)
x = layers.Reshape((8, 64))(x)
x = layers.LSTM(16, return_sequences=True)(x)
model = keras.Model(plates, layers.Dense(11, activation="softmax")(x))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
'''


def test_one_step_per_column_first(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    first = report["findings"][0]["fixes"][0]
    assert first["code"] == "x = layers.Reshape((16, 64))(x)" and first["verified"], first
