"""One-hot labels given straight to a sparse loss in a GradientTape (keras-io's FGSM attack, r943): the
line that one-hot encoded them is the culprit, even inside ``tf.constant(...)``, and keeping the ids there
is the first fix, proven by running the patched script; the loss call in its categorical spelling comes
second. Labels from data the script did not encode: the loss call is the culprit. Real Keras."""

from __future__ import annotations

from conftest import line_of, run_json

TRAINED = """\
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(0)
images = rng.random((64, 8, 8, 1)).astype("float32")
digits = rng.integers(0, 5, size=64)
model = keras.Sequential([keras.Input(shape=(8, 8, 1)), layers.Flatten(), layers.Dense(5, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(images, digits, epochs=1, verbose=0)

batch = tf.constant(images[:16])
targets = tf.constant(keras.utils.to_categorical(digits[:16], 5))
with tf.GradientTape() as tape:
    tape.watch(batch)
    loss = keras.losses.SparseCategoricalCrossentropy()(targets, model(batch))
print(tape.gradient(loss, batch).shape)
"""

UNTRAINED = """\
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(0)
images = rng.random((16, 8)).astype("float32")
onehot = np.eye(3, dtype="float32")[rng.integers(0, 3, size=16)]
model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(3, activation="softmax")])
with tf.GradientTape() as tape:
    loss = tf.reduce_mean(keras.losses.sparse_categorical_crossentropy(onehot, model(images)))
print(float(loss) > 0)
"""


def test_one_hot_labels_wrapped_in_a_tensor_are_kept_as_ids_where_made(cli, tmp_path):
    report, _, _ = run_json(cli, tmp_path, TRAINED)
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(TRAINED, "targets = ")
    first = finding["fixes"][0]
    assert first["proven"] and first["code"] == "targets = tf.constant(digits[:16])", first
    assert "CategoricalCrossentropy()(targets" in finding["fixes"][1]["code"]


def test_labels_the_script_did_not_encode_leave_the_loss_call_to_change(cli, tmp_path):
    report, _, _ = run_json(cli, tmp_path, UNTRAINED)
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(UNTRAINED, "sparse_categorical_crossentropy(onehot")
    first = finding["fixes"][0]
    assert first["proven"] and "keras.losses.categorical_crossentropy(onehot, model(images))" in first["code"], first
