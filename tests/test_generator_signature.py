"""A ``from_generator`` signature that declares a part with ``shape=None`` (real Keras; r719).

``fit`` fails in Keras's data adapter ("Cannot take the length of shape with unknown rank") without
naming the dataset. The open spec is the root cause; its shape becomes the batch axis left open and
what the model takes there (one-hot rows for a categorical loss), proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras

rng = np.random.default_rng(2)
features = rng.normal(size=(60, 7)).astype("float32")
onehot = keras.utils.to_categorical(rng.integers(0, 5, size=60), 5).astype("float32")


def batches():
    for start in range(0, 60, 16):
        yield features[start:start + 16], onehot[start:start + 16]


stream = tf.data.Dataset.from_generator(
    batches,
    output_signature=(tf.TensorSpec(shape=(None, 7), dtype=tf.float32),
                      tf.TensorSpec(shape=None, dtype=tf.float32)))
model = keras.Sequential([keras.Input(shape=(7,)), keras.layers.Dense(5, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(stream, epochs=1, verbose=0)
print(model.predict(features[:2], verbose=0).shape)
'''


def test_the_open_label_spec_gets_the_shape_of_one_hot_batches(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = report["findings"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "tf.TensorSpec(shape=None")
    [fix] = finding["fixes"]
    assert fix["proven"] and fix["code"] == "tf.TensorSpec(shape=(None, 5), dtype=tf.float32)))"


def test_a_signature_with_shapes_is_left_alone(tmp_path):
    script = SCRIPT.replace("tf.TensorSpec(shape=None,", "tf.TensorSpec(shape=(None, 5),")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 0, proc.stderr
    assert report["findings"] == []
