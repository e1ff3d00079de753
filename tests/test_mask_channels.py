"""Class-id masks decoded as colour images for a sparse loss (real Keras).

keras-io's Oxford-pets segmentation example decodes its trimaps with ``decode_png(..., channels=1)``
(r606). Decoded with ``channels=3`` inside the dataset's map function (itself nested in a builder
function), each pixel gets three copies of its class id: ``(b, h, w, 3)`` labels against one softmax
per pixel. The decode line is the cause and ``channels=1`` the fix, verified on the recorded batch.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import os
import tempfile
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(2)
where = tempfile.mkdtemp()
pairs = []
for i in range(6):
    a, b = os.path.join(where, f"img{i}.png"), os.path.join(where, f"lab{i}.png")
    tf.io.write_file(a, tf.io.encode_png(rng.integers(0, 256, size=(32, 32, 3)).astype("uint8")))
    tf.io.write_file(b, tf.io.encode_png(rng.integers(0, 4, size=(32, 32, 1)).astype("uint8")))
    pairs.append((a, b))


def build(pairs):
    def read(a, b):
        picture = tf.image.convert_image_dtype(tf.io.decode_png(tf.io.read_file(a), channels=3), "float32")
        classes = tf.io.decode_png(tf.io.read_file(b), channels=3)
        return picture, classes

    ds = tf.data.Dataset.from_tensor_slices(([p[0] for p in pairs], [p[1] for p in pairs]))
    return ds.map(read).batch(2)


inputs = keras.Input((32, 32, 3))
h = layers.Conv2D(8, 3, padding="same", activation="relu")(inputs)
model = keras.Model(inputs, layers.Conv2D(4, 1, activation="softmax")(h))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
train = build(pairs)
model.fit(train, epochs=1, verbose=0)
'''


def test_the_mask_decode_gets_one_channel(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "classes = tf.io.decode_png(")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "classes = tf.io.decode_png(tf.io.read_file(b), channels=1)", first
