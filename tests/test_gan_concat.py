"""A GAN's generated batch joined with the real batch by ``tf.concat`` in a ``train_step`` (real Keras).

Deep Learning with Python's DCGAN seeded at 4x4 instead of 8x8: two stride-2 transposed
convolutions give 16x16 images that ``tf.concat([generated, real], axis=0)`` cannot join with the
32x32 real batch. Traced inside ``fit``, TensorFlow raises its graph-mode shape-merge message
("Dimension 0 in both shapes must be equal, but are 16 and 32. Shapes are [16,16,3] and
[32,32,3]. for '{{node concat}} = ConcatV2[...]' with input shapes: [?,16,16,3], [?,32,32,3], []").
The discriminator, held by the GAN and never run, declares the real batch's shape and downsamples
as often as the generator upsamples: the generator's seed grid is the root cause, and the fix an
expert writes keeps its channels and gives the Dense the larger grid's units (r445).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

from shapedoctor.messages.registry import parse

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

real = np.random.rand(32, 32, 32, 3).astype("float32")
dataset = tf.data.Dataset.from_tensor_slices(real).batch(8)

discriminator = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(8, 4, strides=2, padding="same"),
    layers.Conv2D(8, 4, strides=2, padding="same"),
    layers.Flatten(),
    layers.Dense(1, activation="sigmoid"),
])
generator = keras.Sequential([
    keras.Input(shape=(16,)),
    layers.Dense(4 * 4 * 8),
    layers.Reshape((4, 4, 8)),
    layers.Conv2DTranspose(8, 4, strides=2, padding="same"),
    layers.Conv2DTranspose(8, 4, strides=2, padding="same"),
    layers.Conv2D(3, 5, padding="same", activation="sigmoid"),
])


class GAN(keras.Model):
    def __init__(self, discriminator, generator):
        super().__init__()
        self.discriminator = discriminator
        self.generator = generator

    def compile(self, optimizer, loss_fn):
        super().compile()
        self.optimizer_d = optimizer
        self.loss_fn = loss_fn

    def train_step(self, images):
        n = tf.shape(images)[0]
        fake = self.generator(tf.random.normal((n, 16)))
        both = tf.concat([fake, images], axis=0)
        labels = tf.concat([tf.ones((n, 1)), tf.zeros((n, 1))], axis=0)
        with tf.GradientTape() as tape:
            loss = self.loss_fn(labels, self.discriminator(both))
        grads = tape.gradient(loss, self.discriminator.trainable_weights)
        self.optimizer_d.apply_gradients(zip(grads, self.discriminator.trainable_weights))
        return {"d_loss": loss}


gan = GAN(discriminator, generator)
gan.compile(keras.optimizers.Adam(1e-4), keras.losses.BinaryCrossentropy())
gan.fit(dataset, epochs=1, verbose=0)
'''

MESSAGE = ("ValueError: Dimension 0 in both shapes must be equal, but are 16 and 32. Shapes are [16,16,3] and "
           "[32,32,3]. for '{{node concat}} = ConcatV2[N=2, T=DT_FLOAT, Tidx=DT_INT32](sequential_1_1/conv2d_2_1/"
           "Sigmoid, data, concat/axis)' with input shapes: [?,16,16,3], [?,32,32,3], [] and with computed input "
           "tensors: input[2] = <0>.")


def test_the_graph_mode_shape_merge_message_is_a_concatenation_of_two_shapes():
    facts = parse(MESSAGE)
    assert facts is not None and facts.family == "SD104"
    assert facts.shapes == ["(None, 16, 16, 3)", "(None, 32, 32, 3)"]
    assert facts.details["operation"] == "concatenate" and facts.details["differing_axes"] == [1, 2]


def test_the_generators_seed_grid_is_the_root_cause_and_keeps_its_channels(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "layers.Reshape((4, 4, 8)),")
    first = finding["fixes"][0]
    assert first["proven"], first
    assert "layers.Reshape((8, 8, 8))" in first["code"] and "layers.Dense(512)" in first["code"]
