# Class-conditional GAN on 28x28 digit-like images (keras-io "Conditional GAN" style):
# the one-hot class vector is appended to the generator's noise, and, repeated over every
# pixel, appended as extra channels to the real and generated images the discriminator
# judges. Training happens in an overridden train_step.
import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

img_size = 28
n_channels = 1
n_classes = 10
noise_dim = 64

rng = np.random.default_rng(3)
digits = rng.random((128, img_size, img_size, n_channels)).astype("float32")
digit_onehot = keras.utils.to_categorical(rng.integers(0, n_classes, 128), n_classes)
train_ds = tf.data.Dataset.from_tensor_slices((digits, digit_onehot)).shuffle(256).batch(32)

gen_in_channels = noise_dim + n_classes
disc_in_channels = n_channels

critic = keras.Sequential([
    keras.Input((img_size, img_size, disc_in_channels)),
    layers.Conv2D(64, 3, strides=2, padding="same"),
    layers.LeakyReLU(negative_slope=0.2),
    layers.Conv2D(128, 3, strides=2, padding="same"),
    layers.LeakyReLU(negative_slope=0.2),
    layers.GlobalMaxPooling2D(),
    layers.Dense(1),
], name="discriminator")

painter = keras.Sequential([
    keras.Input((gen_in_channels,)),
    layers.Dense(7 * 7 * gen_in_channels),
    layers.LeakyReLU(negative_slope=0.2),
    layers.Reshape((7, 7, gen_in_channels)),
    layers.Conv2DTranspose(64, 4, strides=2, padding="same"),
    layers.LeakyReLU(negative_slope=0.2),
    layers.Conv2DTranspose(64, 4, strides=2, padding="same"),
    layers.LeakyReLU(negative_slope=0.2),
    layers.Conv2D(1, 7, padding="same", activation="sigmoid"),
], name="generator")


class LabelConditionedGAN(keras.Model):
    def __init__(self, discriminator, generator, noise_dim):
        super().__init__()
        self.discriminator = discriminator
        self.generator = generator
        self.noise_dim = noise_dim
        self.seed_gen = keras.random.SeedGenerator(7)

    def compile(self, d_optimizer, g_optimizer, loss_fn):
        super().compile()
        self.d_optimizer = d_optimizer
        self.g_optimizer = g_optimizer
        self.loss_fn = loss_fn

    def train_step(self, data):
        real_imgs, onehot = data
        label_maps = ops.tile(onehot[:, None, None, :], (1, img_size, img_size, 1))
        n = ops.shape(real_imgs)[0]
        noise = keras.random.normal((n, self.noise_dim), seed=self.seed_gen)
        fakes = self.generator(ops.concatenate([noise, onehot], axis=1))
        fake_pairs = ops.concatenate([fakes, label_maps], -1)
        real_pairs = ops.concatenate([real_imgs, label_maps], -1)
        both = ops.concatenate([fake_pairs, real_pairs], axis=0)
        targets = ops.concatenate([ops.ones((n, 1)), ops.zeros((n, 1))], axis=0)
        with tf.GradientTape() as tape:
            d_loss = self.loss_fn(targets, self.discriminator(both))
        grads = tape.gradient(d_loss, self.discriminator.trainable_weights)
        self.d_optimizer.apply_gradients(zip(grads, self.discriminator.trainable_weights))

        noise = keras.random.normal((n, self.noise_dim), seed=self.seed_gen)
        misleading = ops.zeros((n, 1))
        with tf.GradientTape() as tape:
            fakes = self.generator(ops.concatenate([noise, onehot], axis=1))
            verdict = self.discriminator(ops.concatenate([fakes, label_maps], -1))
            g_loss = self.loss_fn(misleading, verdict)
        grads = tape.gradient(g_loss, self.generator.trainable_weights)
        self.g_optimizer.apply_gradients(zip(grads, self.generator.trainable_weights))
        return {"d_loss": d_loss, "g_loss": g_loss}


cgan = LabelConditionedGAN(critic, painter, noise_dim)
cgan.compile(d_optimizer=keras.optimizers.Adam(3e-4), g_optimizer=keras.optimizers.Adam(3e-4),
             loss_fn=keras.losses.BinaryCrossentropy(from_logits=True))
cgan.fit(train_ds, epochs=1, verbose=0)
print("trained")
