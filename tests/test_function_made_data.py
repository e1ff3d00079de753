"""Data a model refused, named where it was put together (real Keras).

TensorFlow's SNGP tutorial (r613): a test grid returned by ``np.stack([xs, ys], axis=0)`` is (2, n) for a
model of 2 features; the fix stacks on the last axis. The style-transfer tutorial (r610): ``load_img``
returns one image without its batch axis; the fix returns a batch of one. Both arrays come out of a
function of the module, whose ``return`` line is the cause; both models are subclassed, so the input
they take is read from the layer that refused the data. Each fix is proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

STACKED = '''import numpy as np
import keras


class Scorer(keras.Model):
    def __init__(self):
        super().__init__()
        self.first = keras.layers.Dense(16, activation="relu")
        self.last = keras.layers.Dense(2)

    def call(self, inputs):
        return self.last(self.first(inputs))


def grid(n=12):
    a, b = np.meshgrid(np.linspace(-1, 1, n), np.linspace(-1, 1, n))
    return np.stack([a.ravel(), b.ravel()])


model = Scorer()
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
rng = np.random.default_rng(0)
model.fit(rng.normal(size=(64, 2)), rng.integers(0, 2, size=64), epochs=1, verbose=0)
points = grid()
print(model(points).shape)
'''

ONE = '''import numpy as np
import tensorflow as tf
import keras


def picture(seed):
    img = np.random.default_rng(seed).random((20, 28, 3)).astype("float32")
    img = tf.image.resize(img, (24, 24))
    return img


backbone = keras.Sequential([keras.Input((None, None, 3)), keras.layers.Conv2D(4, 3), keras.layers.GlobalAveragePooling2D()])


class Features(keras.Model):
    def __init__(self):
        super().__init__()
        self.net = backbone

    def call(self, inputs):
        return self.net(inputs * 2.0)


extractor = Features()
image = picture(1)
print(extractor(image).shape)
'''


def test_a_stack_on_axis_0_is_stacked_on_the_last_axis(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, STACKED)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(STACKED, "return np.stack(")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "return np.stack([a.ravel(), b.ravel()], axis=-1)", first


def test_one_image_is_returned_as_a_batch_of_one(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, ONE)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(ONE, "    return img")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "return tf.expand_dims(img, 0)", first
