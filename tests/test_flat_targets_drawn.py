"""Flat targets whose batches are drawn at random in a hand-written loop (real TensorFlow).

Hands-On ML 3, chapter 12 (r511): ``random_batch(X, y)`` returns ``y[idx]`` of shape (32,), and
``huber_fn(y_batch, y_pred)`` broadcasts it against the (32, 1) predictions. No array of the
script starts with the batch's values, but exactly one smallest array holds them all: the line that
made it (one item of a tuple assignment) is the root cause and gets ``.reshape(-1, 1)``, proven.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras

rng = np.random.default_rng(1)
data = rng.normal(size=(300, 4)).astype("float32")
target = (data @ rng.normal(size=4)).astype("float32")
x_fit, x_rest = data[:200], data[200:]
y_fit, y_rest = target[:200], target[200:]
model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
opt = keras.optimizers.SGD(0.01)


def batch(x, y, n=32):
    idx = np.random.randint(len(x), size=n)
    return x[idx], y[idx]


def loss_of(y_true, y_pred):
    return tf.square(y_true - y_pred)


for _ in range(3):
    xb, yb = batch(x_fit, y_fit)
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(loss_of(yb, model(xb)))
    opt.apply_gradients(zip(tape.gradient(loss, model.trainable_variables), model.trainable_variables))
'''


def test_drawn_batches_name_the_array_they_come_from(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "warning", proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "y_fit, y_rest = ")
    assert finding["fixes"][0]["code"] == "y_fit, y_rest = target[:200].reshape(-1, 1), target[200:]"
    assert finding["fixes"][0]["proven"]
