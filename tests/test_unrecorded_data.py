"""A shape error raised by an op no layer wraps (a GAN's own ``train_step``) that received the
training data as the program gave it: the data is the root cause, and a data fix written on the
array passed to ``fit`` is verified by running the patched script (real Keras and TensorFlow)."""

from __future__ import annotations

from conftest import report_of

GAN = """\
import numpy as np
import tensorflow as tf
import keras
from keras import layers

latent_dim = 8
real = np.random.rand(32, 12, 12).astype("float32")

discriminator = keras.Sequential([
    keras.Input(shape=(12, 12, 1)),
    layers.Conv2D(4, 3, strides=2, padding="same"),
    layers.Flatten(),
    layers.Dense(1),
])
generator = keras.Sequential([
    keras.Input(shape=(latent_dim,)),
    layers.Dense(6 * 6 * 4),
    layers.Reshape((6, 6, 4)),
    layers.Conv2DTranspose(1, 4, strides=2, padding="same", activation="sigmoid"),
])


class GAN(keras.Model):
    def __init__(self, discriminator, generator):
        super().__init__()
        self.discriminator = discriminator
        self.generator = generator
        self.loss_fn = keras.losses.BinaryCrossentropy(from_logits=True)

    def compile(self, d_optimizer):
        super().compile()
        self.d_optimizer = d_optimizer

    def train_step(self, real_images):
        batch_size = tf.shape(real_images)[0]
        generated = self.generator(tf.random.normal((batch_size, latent_dim)))
        combined = tf.concat([generated, REAL], axis=0)
        labels = tf.concat([tf.ones((batch_size, 1)), tf.zeros((batch_size, 1))], axis=0)
        with tf.GradientTape() as tape:
            d_loss = self.loss_fn(labels, self.discriminator(combined))
        grads = tape.gradient(d_loss, self.discriminator.trainable_weights)
        self.d_optimizer.apply_gradients(zip(grads, self.discriminator.trainable_weights))
        return {"d_loss": d_loss}


gan = GAN(discriminator, generator)
gan.compile(keras.optimizers.Adam(1e-3))
gan.fit(real, epochs=1, batch_size=8, verbose=0)
"""


def _run(cli, tmp_path, real_expr: str) -> dict:
    script = tmp_path / "gan.py"
    script.write_text(GAN.replace("REAL", real_expr))
    return report_of(cli("run", "--json", "gan.py", cwd=tmp_path, timeout=600))


def test_data_given_unchanged_to_the_failing_op_is_the_cause_and_its_fix_is_proven(cli, tmp_path):
    report = _run(cli, tmp_path, "real_images")
    finding = report["findings"][0]
    assert finding["id"] == "SD101"
    assert finding["culprit"]["kind"] == "data" and finding["culprit"]["line"] == 7
    first = finding["fixes"][0]
    assert first["code"] == "real = np.expand_dims(real, -1)" and first["line"] == 48  # before the fit call
    assert first["verified"] and first["proven"] and first["checks"] == {"proof": True}
    assert all(not f["verified"] for f in finding["fixes"][1:])  # read from the text: suggestions only


def test_a_tensor_the_program_computed_gets_no_data_fix(cli, tmp_path):
    # The op sees half the width the data has: something the train_step computed, not the data as given.
    report = _run(cli, tmp_path, "real_images[:, :, :6]")
    finding = report["findings"][0]
    assert finding["id"] == "SD101"
    assert (finding.get("culprit") or {}).get("kind") != "data"
    assert not any(f["verified"] for f in finding["fixes"])
