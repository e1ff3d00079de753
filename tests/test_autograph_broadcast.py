"""A hand-written loss that broadcasts (n,) against (n, 1) inside a ``@tf.function`` (real TensorFlow).

tensorflow/tensorflow#28901 (r501): ``tf.reduce_mean(tf.square(y - y_pred))`` in a ``@tf.function``
training step. AutoGraph runs a generated copy of the function; the operator watch reads the
user's line back from AutoGraph's source map, so the silent (16, 16) broadcast is named at the
user's own line, as it is without ``@tf.function``.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras

x = np.random.default_rng(6).random((64, 3)).astype("float32")
y = x.sum(axis=1)
data = tf.data.Dataset.from_tensor_slices((x, y)).batch(16)
model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
opt = keras.optimizers.SGD(0.01)


@tf.function
def step(xb, yb):
    with tf.GradientTape() as tape:
        out = model(xb)
        loss = tf.reduce_mean(tf.square(yb - out))
    opt.apply_gradients(zip(tape.gradient(loss, model.trainable_variables), model.trainable_variables))
    return loss


for xb, yb in data:
    step(xb, yb)
print("done")
'''


def test_broadcast_in_a_tf_function_is_named_at_the_users_line(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1 and report["status"] == "warning", proc.stderr
    finding = report["findings"][0]
    assert finding["id"] == "SD204"
    assert finding["culprit"]["line"] == line_of(SCRIPT, "loss = tf.reduce_mean(tf.square(yb - out))")
    assert finding["fixes"][0]["code"] == "loss = tf.reduce_mean(tf.square(yb - out[:, 0]))"
