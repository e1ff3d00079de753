# Vanilla GAN on flattened 28x28 images with an overridden train_step. The noise batch
# has the configured batch size; the discriminator loss is written as the mean of the
# per-sample cross-entropy of the real scores plus that of the fake scores.
import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

BATCH_SIZE = 128
NOISE_DIM = 32


def bce_logits(labels, logits):
    return tf.nn.sigmoid_cross_entropy_with_logits(labels=labels, logits=logits)


class VanillaGAN(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.generator = keras.Sequential([keras.Input((NOISE_DIM,)), layers.Dense(256, activation="relu"),
                                           layers.Dense(784, activation="tanh")])
        self.discriminator = keras.Sequential([keras.Input((784,)), layers.Dense(256),
                                               layers.LeakyReLU(0.01), layers.Dense(1)])

    def compile(self, d_optimizer, g_optimizer):
        super().compile()
        self.d_optimizer, self.g_optimizer = d_optimizer, g_optimizer

    def train_step(self, real_images):
        noise = keras.random.uniform((BATCH_SIZE, NOISE_DIM), -1.0, 1.0)
        with tf.GradientTape() as d_tape, tf.GradientTape() as g_tape:
            fake_images = self.generator(noise, training=True)
            logits_real = self.discriminator(real_images, training=True)
            logits_fake = self.discriminator(fake_images, training=True)
            d_loss = ops.mean(bce_logits(ops.ones_like(logits_real), logits_real)
                              + bce_logits(ops.zeros_like(logits_fake), logits_fake))
            g_loss = ops.mean(bce_logits(ops.ones_like(logits_fake), logits_fake))
        d_grads = d_tape.gradient(d_loss, self.discriminator.trainable_weights)
        g_grads = g_tape.gradient(g_loss, self.generator.trainable_weights)
        self.d_optimizer.apply_gradients(zip(d_grads, self.discriminator.trainable_weights))
        self.g_optimizer.apply_gradients(zip(g_grads, self.generator.trainable_weights))
        return {"d_loss": d_loss, "g_loss": g_loss}


rng = np.random.default_rng(206)
mnist_like = (rng.random((480, 784)) * 2.0 - 1.0).astype("float32")

gan = VanillaGAN()
gan.compile(d_optimizer=keras.optimizers.Adam(1e-3, beta_1=0.5), g_optimizer=keras.optimizers.Adam(1e-3, beta_1=0.5))
gan.fit(mnist_like, batch_size=BATCH_SIZE, epochs=1, verbose=0)
print("trained")
