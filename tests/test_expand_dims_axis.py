"""An axis of size 1 added by ``expand_dims`` in the wrong place (real Keras).

``np.expand_dims(x, 1)`` gives grayscale images their channel axis first, as PyTorch reads them, for a
channels-last model declared ``(28, 28, 1)``. The line that added the axis is the root cause, also
when it sits inside a helper the script unpacks (``x, y = load()``); the fix gives ``expand_dims`` the
declared place, ``-1``, and keeps every value and sample.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import keras
from keras import layers


def load():
    images = np.random.rand(96, 28, 28).astype("float32")
    digits = np.random.randint(0, 10, size=(96,))
    images = np.expand_dims(images, 1)
    return images, digits


x, y = load()
model = keras.Sequential([keras.Input(shape=(28, 28, 1)), layers.Conv2D(4, 3, activation="relu"),
                          layers.GlobalAveragePooling2D(), layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x, y, epochs=1, verbose=0)
'''


def test_the_expand_dims_inside_the_helper_gets_the_declared_axis(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "images = np.expand_dims(images, 1)")
    first = finding["fixes"][0]
    assert first["code"] == "images = np.expand_dims(images, -1)" and first["verified"], first


def test_at_the_top_level_too(tmp_path):
    flat = '''import numpy as np
import keras
from keras import layers

x = np.random.rand(96, 28, 28).astype("float32")
y = np.random.randint(0, 10, size=(96,))
x = np.expand_dims(x, axis=1)
model = keras.Sequential([keras.Input(shape=(28, 28, 1)), layers.Conv2D(4, 3, activation="relu"),
                          layers.GlobalAveragePooling2D(), layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x, y, epochs=1, verbose=0)
'''
    report, _, proc = run_json(run_cli, tmp_path, flat)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(flat, "x = np.expand_dims(x, axis=1)")
    assert finding["fixes"][0]["code"] == "x = np.expand_dims(x, axis=-1)", finding["fixes"]
