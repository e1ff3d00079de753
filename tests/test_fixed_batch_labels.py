"""A custom step that makes its labels for a fixed batch size, run on a smaller last batch (real Keras; r700).

The keras-io training-loop guide sizes the real half of a discriminator's labels from the batch; sized
with the global ``batch_size``, the last, smaller batch gives more labels than scores. The label part that
goes with the step's batch is the root cause and is sized from it (``tf.shape(batch)[0]``), proven by
running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras

BATCH, DIM = 10, 4
judge = keras.Sequential([keras.Input(shape=(DIM,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1)])
loss_fn = keras.losses.BinaryCrossentropy(from_logits=True)
opt = keras.optimizers.SGD(0.01)


@tf.function
def step(batch):
    noise = tf.random.normal((BATCH, DIM))
    both = tf.concat([batch, noise], axis=0)
    labels = tf.concat([tf.ones((BATCH, 1)), tf.zeros((BATCH, 1))], axis=0)
    with tf.GradientTape() as tape:
        loss = loss_fn(labels, judge(both))
    opt.apply(tape.gradient(loss, judge.trainable_weights), judge.trainable_weights)
    return loss


data = tf.data.Dataset.from_tensor_slices(np.random.rand(25, DIM).astype("float32")).batch(BATCH)
for batch in data:
    step(batch)
print("done")
'''


def test_the_label_part_of_the_batch_is_sized_from_it(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    [finding] = [f for f in report["findings"] if f["severity"] == "error"]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "labels = tf.concat(")
    assert finding["message"] == "labels made for `BATCH` = 10 samples per part meet a last batch of 5"
    [fix] = finding["fixes"]
    assert fix["proven"]
    assert fix["code"] == "labels = tf.concat([tf.ones((tf.shape(batch)[0], 1)), tf.zeros((BATCH, 1))], axis=0)"
