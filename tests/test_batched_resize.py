"""Grayscale images resized after ``.batch()`` without a channel axis (real Keras, real tf.data).

``tf.image.resize`` reads a (batch, height, width) batch as one image of ``width`` channels: the model
gets three axes and fewer rows than labels. The resize is the root cause; the fix gives the images
their channel axis before it, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers


def scale(pixels, target):
    pixels = tf.cast(pixels, "float32") / 255.0
    pixels = tf.image.resize(pixels, (24, 24))
    return pixels, target


digits = np.random.default_rng(0).integers(0, 256, size=(40, 20, 20)).astype("uint8")
classes = np.arange(40) % 3
stream = tf.data.Dataset.from_tensor_slices((digits, classes)).batch(8).map(scale)

inp = keras.Input((24, 24, 1))
h = layers.Conv2D(4, 3, activation="relu")(inp)
out = layers.Dense(3, activation="softmax")(layers.GlobalMaxPooling2D()(h))
net = keras.Model(inp, out)
net.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
net.fit(stream, epochs=1, verbose=0)
print("trained")
'''


def test_the_resize_after_batch_gets_the_channel_axis(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "pixels = tf.image.resize(")
    first = finding["fixes"][0]
    assert first["code"] == "pixels = tf.image.resize(tf.expand_dims(pixels, -1), (24, 24))" and first["proven"]


def test_the_example_that_adds_the_axis_first_is_valid(tmp_path):
    script = SCRIPT.replace('pixels = tf.cast(pixels, "float32") / 255.0',
                            'pixels = tf.cast(pixels, "float32")[..., tf.newaxis] / 255.0')
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 0, proc.stderr
    assert report["findings"] == []
