"""A grayscale image (no channel axis) prepared for predict at the wrong size, written as a literal (real Keras).

The handwriting recognizer thread (li-s/Handwriting-recognition#9, r481): the model takes 16x8 glyphs,
the prediction code resizes the scanned letter to ``(16, 16)`` and only then adds the batch axis with
``image.reshape(1, *image.shape)``. The resize line is the root cause (the reshape only adds an axis)
and its literal gets the model's size.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers

glyphs = np.random.default_rng(3).random((40, 12, 6)).astype("float32")
classes = np.arange(40) % 4
model = keras.Sequential([keras.Input((12, 6)), layers.Flatten(), layers.Dense(4, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(glyphs, classes, epochs=1, verbose=0)


def shrink(image, size):
    rows = np.arange(size[0]) * image.shape[0] // size[0]
    cols = np.arange(size[1]) * image.shape[1] // size[1]
    return image[rows][:, cols]


scan = np.random.default_rng(4).random((36, 30)).astype("float32")
image = shrink(scan, (12, 12))
batch = image.reshape(1, *image.shape)
print(model.predict(batch, verbose=0).argmax())
'''


def test_size_literal_of_a_grayscale_image_is_the_root_cause(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "image = shrink(scan, (12, 12))")
    fix = finding["fixes"][0]
    assert fix["verified"] and fix["code"] == "image = shrink(scan, (12, 6))"
