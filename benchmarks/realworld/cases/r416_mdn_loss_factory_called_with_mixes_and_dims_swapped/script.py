# Mixture density network on a noisy spiral (several y for one x): a MixtureDensityOutput layer
# and a mixture negative log-likelihood loss built by a factory function.
import math

import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(0)
t = rng.uniform(0, 360, size=2000)
x = (t / 360 * np.cos(t / 90 * math.pi) + rng.normal(0, 0.02, 2000)).astype("float32")
y = (t / 360 * np.sin(t / 90 * math.pi) + rng.normal(0, 0.02, 2000)).astype("float32")
x = np.expand_dims(x, axis=1)

N_HIDDEN = 64
OUTPUT_DIMS = 1
N_MIXES = 20


def elu_plus_one_plus_epsilon(v):
    return keras.activations.elu(v) + 1 + keras.backend.epsilon()


class MixtureDensityOutput(layers.Layer):
    def __init__(self, output_dimension, num_mixtures, **kwargs):
        super().__init__(**kwargs)
        self.output_dim = output_dimension
        self.num_mix = num_mixtures
        self.mdn_mus = layers.Dense(self.num_mix * self.output_dim, name="mdn_mus")
        self.mdn_sigmas = layers.Dense(self.num_mix * self.output_dim,
                                       activation=elu_plus_one_plus_epsilon, name="mdn_sigmas")
        self.mdn_pi = layers.Dense(self.num_mix, name="mdn_pi")

    def call(self, inputs):
        return layers.concatenate([self.mdn_mus(inputs), self.mdn_sigmas(inputs), self.mdn_pi(inputs)])


def get_mixture_loss_func(output_dim, num_mixes):
    def mdn_loss_func(y_true, y_pred):
        y_pred = tf.reshape(y_pred, [-1, (2 * num_mixes * output_dim) + num_mixes])
        y_true = tf.reshape(y_true, [-1, 1, output_dim])
        out_mu, out_sigma, out_pi = tf.split(
            y_pred, [num_mixes * output_dim, num_mixes * output_dim, num_mixes], axis=-1)
        mus = tf.reshape(out_mu, [-1, num_mixes, output_dim])
        sigs = tf.reshape(out_sigma, [-1, num_mixes, output_dim])
        log_normal = (-0.5 * tf.reduce_sum(tf.square((y_true - mus) / sigs), axis=-1)
                      - tf.reduce_sum(tf.math.log(sigs), axis=-1)
                      - 0.5 * output_dim * math.log(2 * math.pi))
        log_mixture = tf.reduce_logsumexp(tf.nn.log_softmax(out_pi) + log_normal, axis=-1)
        return -tf.reduce_mean(log_mixture)

    return mdn_loss_func


mdn_network = keras.Sequential([
    layers.Dense(N_HIDDEN, activation="relu"),
    layers.Dense(N_HIDDEN, activation="relu"),
    MixtureDensityOutput(OUTPUT_DIMS, N_MIXES),
])
mdn_network.compile(loss=get_mixture_loss_func(N_MIXES, OUTPUT_DIMS), optimizer="adam")
mdn_network.fit(x, y, epochs=3, batch_size=128, validation_split=0.15, verbose=0)
y_pred_mixture = mdn_network.predict(x[:5], verbose=0)
print(y_pred_mixture.shape)
