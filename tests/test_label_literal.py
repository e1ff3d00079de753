"""Labels one-hot encoded in the user's own loop for another model's class count (real Keras; ``run --json``).

The FGSM tutorial encodes its target with ImageNet's 1000 classes (``tf.one_hot(i, 1000)`` and a
reshape to ``(1, 1000)``); on a smaller classifier the loss called under a ``GradientTape`` refuses
them. The labels' lines are the root cause and the model's width written in place of that number
on each of them the fix, proven by the patched script (r415).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(3, activation="softmax")])
loss_object = keras.losses.CategoricalCrossentropy()
image = tf.constant(np.random.rand(1, 4), dtype="float32")


def gradient_sign(x, target):
    with tf.GradientTape() as tape:
        tape.watch(x)
        loss = loss_object(target, model(x))
    return tf.sign(tape.gradient(loss, x))


label = tf.one_hot(2, 7)
label = tf.reshape(label, (1, 7))
print(gradient_sign(image, label).shape)
'''


def test_the_labels_lines_get_the_models_width(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "label = tf.one_hot(2, 7)")
    first = finding["fixes"][0]
    assert first["proven"]
    assert first["code"].splitlines() == ["label = tf.one_hot(2, 3)", "label = tf.reshape(label, (1, 3))"]
