"""New data mapped through a twin of the training map function without one shaping step (real Keras).

The training pipeline's map function resizes the grayscale images and repeats them to three channels;
the test pipeline's twin only resizes. ``evaluate`` refuses one-channel images. The twin's line is the
root cause and the fix adds the missing step (proven); no model edit is offered, since the model was
trained on three channels.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(1)
train_x, train_y = rng.random((32, 20, 20, 1)).astype("float32"), rng.integers(0, 4, 32)
test_x, test_y = rng.random((12, 20, 20, 1)).astype("float32"), rng.integers(0, 4, 12)


def for_training(img, y):
    img = tf.image.resize(img, (16, 16))
    img = tf.repeat(img, 3, axis=-1)
    return img, y


def for_testing(img, y):
    img = tf.image.resize(img, (16, 16))
    return img, y


train_ds = tf.data.Dataset.from_tensor_slices((train_x, train_y)).map(for_training).batch(8)
test_ds = tf.data.Dataset.from_tensor_slices((test_x, test_y)).map(for_testing).batch(8)

inp = keras.Input((16, 16, 3))
feat = layers.GlobalAveragePooling2D()(layers.Conv2D(8, 3, activation="relu")(inp))
net = keras.Model(inp, layers.Dense(4, activation="softmax")(feat))
net.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
net.fit(train_ds, epochs=1, verbose=0)
print(net.evaluate(test_ds, verbose=0))
'''


def test_the_test_map_gets_the_step_the_training_map_has(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    lines = SCRIPT.splitlines()
    resize_in_test = [i + 1 for i, text in enumerate(lines) if "img = tf.image.resize(img" in text][1]
    assert finding["culprit"]["line"] == resize_in_test
    assert [f["code"] for f in finding["fixes"]] == ["img = tf.repeat(img, 3, axis=-1)"]
    assert finding["fixes"][0]["proven"]


def test_two_steps_left_out_is_no_twin(tmp_path):
    # the test map leaves out the resize too: not one step of the training map, no verdict of this rule
    script = SCRIPT.replace("    img = tf.image.resize(img, (16, 16))\n    return img, y",
                            "    return img, y")
    report, _, proc = run_json(run_cli, tmp_path, script)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert not any(f["code"] == "img = tf.repeat(img, 3, axis=-1)" for f in finding["fixes"])
    assert finding["culprit"]["line"] != line_of(script, "def for_testing")
