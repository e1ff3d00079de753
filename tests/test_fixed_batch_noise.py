"""A layer of the user's own that draws noise of a fixed batch size (real Keras).

A text VAE (r420): ``keras.random.normal(shape=(batch_size, latent_dim))`` in a ``Sampling`` layer
works on every full batch and fails on the last, smaller one. The noise line is the root cause; the
fix takes the batch size from the tensor the noise goes with, proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json, written_and_run

SCRIPT = '''import numpy as np
import keras
from keras import layers, ops

batch_size, code_size = 16, 4


class Noisy(layers.Layer):
    def call(self, inputs):
        mean, log_var = inputs
        eps = keras.random.normal(shape=(batch_size, code_size))
        return mean + ops.exp(0.5 * log_var) * eps


x_in = keras.Input((10,))
h = layers.Dense(8)(x_in)
z = Noisy()([layers.Dense(code_size)(h), layers.Dense(code_size)(h)])
model = keras.Model(x_in, layers.Dense(10)(z))
model.compile(optimizer="adam", loss="mse")
data = np.random.default_rng(0).random((70, 10)).astype("float32")
model.fit(data, data, batch_size=batch_size, epochs=1, verbose=0)
'''


def test_noise_of_a_fixed_batch_size_takes_the_batch_from_its_tensor(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(SCRIPT, "eps = keras.random.normal(")
    assert finding["fixes"][0]["code"] == "eps = keras.random.normal(shape=(ops.shape(mean)[0], code_size))"
    assert "shape=(ops.shape(mean)[0], code_size)" in written_and_run(run_cli, tmp_path)


STEP_SCRIPT = '''import numpy as np
import tensorflow as tf
import keras

LATENT, PER_STEP = 8, 20


class Pair(keras.Model):
    def __init__(self):
        super().__init__()
        self.maker = keras.Sequential([keras.Input((LATENT,)), keras.layers.Dense(12)])
        self.judge = keras.Sequential([keras.Input((12,)), keras.layers.Dense(1)])

    def train_step(self, batch):
        codes = tf.random.normal([PER_STEP, LATENT])
        with tf.GradientTape() as tape:
            gap = self.judge(batch) - self.judge(self.maker(codes))
            loss = tf.reduce_mean(tf.square(gap))
        grads = tape.gradient(loss, self.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.trainable_weights))
        return {"loss": loss}


pair = Pair()
pair.compile(optimizer="sgd")
pair.fit(np.ones((50, 12), "float32"), batch_size=PER_STEP, epochs=1, verbose=0)
'''


def test_a_train_step_drawing_a_fixed_batch_of_noise_takes_the_batch_from_its_data(tmp_path):
    """The same mistake in a GAN's train_step (r644): 50 samples in steps of 20 leave 10."""
    report, _, proc = run_json(run_cli, tmp_path, STEP_SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(STEP_SCRIPT, "codes = tf.random.normal(")
    assert "20" in finding["message"] and "10" in finding["message"]
    assert finding["fixes"][0]["code"] == "codes = tf.random.normal([tf.shape(batch)[0], LATENT])"
    assert finding["fixes"][0]["proven"]
