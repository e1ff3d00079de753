# MNIST-style GAN with an overridden train_step (Udacity "Intro to GANs" losses): the
# discriminator loss is the sigmoid cross-entropy on real logits (smoothed ones) plus
# the one on fake logits (zeros); the generator is trained to make fakes look real.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

Z_SIZE, BATCH_SIZE, SMOOTH = 32, 64, 0.1

generator = keras.Sequential([
    keras.Input(shape=(Z_SIZE,)),
    layers.Dense(128), layers.LeakyReLU(0.01),
    layers.Dense(784, activation="tanh"),
], name="generator")
discriminator = keras.Sequential([
    keras.Input(shape=(784,)),
    layers.Dense(128), layers.LeakyReLU(0.01),
    layers.Dense(1),
], name="discriminator")


class IntroGAN(keras.Model):
    def __init__(self, generator, discriminator):
        super().__init__()
        self.generator, self.discriminator = generator, discriminator

    def compile(self, d_optimizer, g_optimizer):
        super().compile()
        self.d_optimizer, self.g_optimizer = d_optimizer, g_optimizer
        self.bce = keras.losses.BinaryCrossentropy(from_logits=True)

    def train_step(self, real_images):
        batch_z = tf.random.uniform((BATCH_SIZE, Z_SIZE), -1.0, 1.0)
        with tf.GradientTape() as d_tape:
            fake_images = self.generator(batch_z, training=True)
            d_logits_real = self.discriminator(real_images, training=True)
            d_logits_fake = self.discriminator(fake_images, training=True)
            d_loss_real = self.bce(tf.ones_like(d_logits_real) * (1 - SMOOTH), d_logits_real)
            d_loss_fake = self.bce(tf.zeros_like(d_logits_real), d_logits_fake)
            d_loss = d_loss_real + d_loss_fake
        d_grads = d_tape.gradient(d_loss, self.discriminator.trainable_weights)
        self.d_optimizer.apply_gradients(zip(d_grads, self.discriminator.trainable_weights))

        with tf.GradientTape() as g_tape:
            g_logits = self.discriminator(self.generator(batch_z, training=True), training=True)
            g_loss = self.bce(tf.ones_like(g_logits), g_logits)
        g_grads = g_tape.gradient(g_loss, self.generator.trainable_weights)
        self.g_optimizer.apply_gradients(zip(g_grads, self.generator.trainable_weights))
        return {"d_loss": d_loss, "g_loss": g_loss}


rng = np.random.default_rng(825)
digits = (rng.random((104, 784)).astype("float32") * 2.0) - 1.0
dataset = tf.data.Dataset.from_tensor_slices(digits).shuffle(104).batch(BATCH_SIZE)

gan = IntroGAN(generator, discriminator)
gan.compile(d_optimizer=keras.optimizers.Adam(2e-3), g_optimizer=keras.optimizers.Adam(2e-3))
history = gan.fit(dataset, epochs=2, verbose=0)
print({k: float(v[-1]) for k, v in history.history.items()})
