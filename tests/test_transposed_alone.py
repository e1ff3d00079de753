"""A map step that transposes each image but not its label (real Keras, tf.data).

keras-io's BraTS segmentation lays each (image, label) pair out depth-first in one mapped function; without
the label's transpose (r1031) the labels keep the old order, the same sizes as the output in another order.
The image's transpose line is the culprit; the fix transposes the label right after it, proven. A Reshape of
the output to the labels' order would mix the positions: it is not offered.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(5)
pictures = rng.random((8, 12, 10, 1)).astype("float32")  # stored width first
masks = (rng.random((8, 12, 10, 1)) > 0.5).astype("float32")


def height_first(image, label):
    image = tf.transpose(image, perm=[1, 0, 2])
    return image, label


data = tf.data.Dataset.from_tensor_slices((pictures, masks)).map(height_first).batch(4)
model = keras.Sequential([keras.Input((10, 12, 1)), layers.Conv2D(4, 3, padding="same", activation="relu"),
                          layers.Conv2D(1, 1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(data, epochs=1, verbose=0)
'''


def test_the_label_is_transposed_where_the_image_is(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "image = tf.transpose(image, perm=[1, 0, 2])")
    assert [f["code"] for f in finding["fixes"]] == ["label = tf.transpose(label, perm=[1, 0, 2])"]
    assert finding["fixes"][0]["verified"] and finding["fixes"][0]["proof"] == "passed"
