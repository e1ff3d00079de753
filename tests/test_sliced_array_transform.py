"""A data fix on a tf.data pipeline is written on the array the pipeline was sliced from (real Keras).

A GAN-like ``train_step`` joins generated (28, 28, 1) images with real ones that have no channel axis: the
real pictures come from ``Dataset.from_tensor_slices(pictures).batch(16)``. ``np.expand_dims(stream, -1)``
means nothing on a dataset; the fix goes on ``pictures`` before the pipeline is made, proven by running the
patched script. A transform that would touch the first axis (the one batches cut) is never moved there.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

from shapedoctor.repair.codegen import _keeps_first_axis

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers


class Critic(keras.Model):
    def __init__(self):
        super().__init__()
        self.gen = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(28 * 28), layers.Reshape((28, 28, 1))])
        self.net = keras.Sequential([keras.Input(shape=(28, 28, 1)), layers.Conv2D(4, 3), layers.GlobalAveragePooling2D(),
                                     layers.Dense(1)])

    def train_step(self, images):
        fakes = self.gen(tf.random.normal((tf.shape(images)[0], 8)))
        with tf.GradientTape() as tape:
            score = tf.reduce_mean(self.net(tf.concat([fakes, images], axis=0)))
        grads = tape.gradient(score, self.net.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.net.trainable_weights))
        return {"score": score}


pictures = np.random.rand(64, 28, 28).astype("float32")
stream = tf.data.Dataset.from_tensor_slices(pictures).batch(16)
critic = Critic()
critic.compile(optimizer="adam")
critic.fit(stream, epochs=1, verbose=0)
'''


def test_the_channel_axis_is_added_to_the_sliced_array(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "stream = tf.data.Dataset.from_tensor_slices(pictures)")
    first = finding["fixes"][0]
    assert first["code"] == "pictures = np.expand_dims(pictures, -1)" and first["proven"], first


def test_only_transforms_that_keep_the_first_axis_move_to_the_array():
    assert _keeps_first_axis("np.expand_dims({v}, -1)")
    assert _keeps_first_axis("{v}.reshape((-1, 28, 28, 1))")
    assert _keeps_first_axis("np.moveaxis({v}, 1, -1)")
    assert not _keeps_first_axis("np.expand_dims({v}, 0)")
    assert not _keeps_first_axis("{v}.T")
    assert not _keeps_first_axis("{v}.reshape((1, 784))")
    assert not _keeps_first_axis("np.moveaxis({v}, 0, -1)")
    # a dataset's own steps stay on the dataset
    assert not _keeps_first_axis("{v}.map(lambda x, y: (keras.ops.transpose(x, (0, 2, 1)), y))")
    assert not _keeps_first_axis("{v}.batch(32)")
