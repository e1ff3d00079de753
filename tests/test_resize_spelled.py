"""A new photo resized to a trained model's size is written with the names its declaration uses (real Keras).

TensorFlow's flowers tutorial (r589): ``img_height, img_width = 64, 64``, ``Input(shape=(img_height,
img_width, 3))``, then a new photo of another size predicted without resizing. Both names hold 64, so
the value alone cannot say which is which; the declaration does. The fix reads
``tf.image.resize(img_array, (img_height, img_width))``. With literal sizes in the declaration the
literal stays.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

img_height, img_width = 40, 40
rng = np.random.default_rng(2)
images = rng.random((48, img_height, img_width, 3)).astype("float32")
labels = rng.integers(0, 4, size=(48,))
model = tf.keras.Sequential([
    layers.Input(shape=(img_height, img_width, 3)),
    layers.Conv2D(8, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(4),
])
model.compile(optimizer="adam", loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(images, labels, epochs=1, batch_size=16, verbose=0)

photo = tf.cast(tf.constant(rng.integers(0, 256, size=(50, 70, 3))), tf.float32)
img_array = tf.expand_dims(photo, 0)
print(model.predict(img_array, verbose=0).shape)
'''


def test_the_resize_uses_the_declarations_names(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "photo = tf.cast(")
    first = finding["fixes"][0]
    assert first["verified"] and first["code"] == "img_array = tf.image.resize(img_array, (img_height, img_width))", first


def test_a_literal_declaration_keeps_the_literal_sizes(tmp_path):
    script = SCRIPT.replace("layers.Input(shape=(img_height, img_width, 3))", "layers.Input(shape=(40, 40, 3))")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    first = report["findings"][0]["fixes"][0]
    assert first["code"] == "img_array = tf.image.resize(img_array, (40, 40))", first
