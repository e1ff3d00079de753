"""A stack of strided layers that only whole multiples of their product fit (real Keras; r720).

Every layer from the input to the one that failed divides the map by its stride; the input's width,
12, is not a multiple of their product, 16, so the last stage finds one column for a 2-wide window.
The input size is the root cause and becomes the next multiple, written where the size is chosen.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

SHAPE = (40, 12, 1)
model = keras.Sequential([
    keras.Input(shape=SHAPE),
    layers.Conv2D(4, 4, strides=4),
    layers.MaxPooling2D(2),
    layers.Conv2D(8, 2, strides=2),
    layers.GlobalAveragePooling2D(),
    layers.Dense(2, activation="softmax"),
])
images = np.random.default_rng(0).random((6,) + SHAPE).astype("float32")
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(images, np.arange(6) % 2, epochs=1, verbose=0)
print("ok")
'''


def test_the_input_size_becomes_a_multiple_of_the_strides(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = report["findings"]
    assert finding["id"] == "SD105"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "SHAPE = (40, 12, 1)")
    fix = finding["fixes"][0]
    assert fix["proven"] and fix["code"] == "SHAPE = (40, 16, 1)"
