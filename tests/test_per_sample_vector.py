"""A per-sample weight made as a vector and multiplied with images inside a train_step (real Keras).

The keras-io WGAN-GP draws ``alpha = tf.random.normal([batch_size, 1, 1, 1])`` to interpolate real and
fake images. Drawn as ``[batch_size]``, the vector lines up with the images' channels: (8, 16, 16, 1)
images become (8, 16, 16, 8) and the critic refuses them. The line that drew alpha is the cause, and
the fix gives it the images' rank (r562).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import tensorflow as tf
import keras
from keras import layers

critic = keras.Sequential([keras.Input(shape=(16, 16, 1)), layers.Conv2D(8, 3, strides=2, padding="same"),
                           layers.Flatten(), layers.Dense(1)])


class Penalised(keras.Model):
    def __init__(self, critic):
        super().__init__()
        self.critic = critic

    def train_step(self, images):
        batch_size = tf.shape(images)[0]
        noise = tf.random.normal(tf.shape(images))
        alpha = tf.random.uniform([batch_size], 0.0, 1.0)
        mixed = images + alpha * (noise - images)
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(self.critic(mixed))
        grads = tape.gradient(loss, self.critic.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.critic.trainable_weights))
        return {"loss": loss}


model = Penalised(critic)
model.compile(optimizer="adam")
images = np.random.default_rng(0).random((32, 16, 16, 1)).astype("float32")
model.fit(images, batch_size=8, epochs=1, verbose=0)
'''


def test_the_vector_gets_the_images_axes(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "alpha = tf.random.uniform(")
    assert [f["code"] for f in finding["fixes"]] == ["alpha = tf.random.uniform([batch_size, 1, 1, 1], 0.0, 1.0)"]
    assert "[batch_size, 1, 1, 1]" in written_and_run(run_cli, tmp_path)
