import numpy as np
import tensorflow as tf
import keras
from keras import layers

noise_dim = 16
batch_size = 16
train_images = np.random.rand(64, 28, 28, 1).astype("float32") * 2 - 1
dataset = tf.data.Dataset.from_tensor_slices(train_images).batch(batch_size)

generator = keras.Sequential()
generator.add(keras.Input(shape=(noise_dim,)))
generator.add(layers.Dense(7 * 7 * 64, use_bias=False))
generator.add(layers.LeakyReLU())
generator.add(layers.Reshape((7, 7, 64)))
generator.add(layers.Conv2DTranspose(32, (5, 5), strides=(2, 2), padding="same", use_bias=False))
generator.add(layers.LeakyReLU())
generator.add(layers.Conv2DTranspose(16, (5, 5), strides=(2, 2), padding="same", use_bias=False))
generator.add(layers.LeakyReLU())
generator.add(layers.Conv2DTranspose(1, (5, 5), strides=(2, 2), padding="same", activation="tanh"))

discriminator = keras.Sequential()
discriminator.add(keras.Input(shape=(28, 28, 1)))
discriminator.add(layers.Conv2D(16, (5, 5), strides=(2, 2), padding="same"))
discriminator.add(layers.LeakyReLU())
discriminator.add(layers.Conv2D(32, (5, 5), strides=(2, 2), padding="same"))
discriminator.add(layers.LeakyReLU())
discriminator.add(layers.Flatten())
discriminator.add(layers.Dense(1))

cross_entropy = keras.losses.BinaryCrossentropy(from_logits=True)
generator_optimizer = keras.optimizers.Adam(1e-4)
discriminator_optimizer = keras.optimizers.Adam(1e-4)


def train_step(images):
    noise = tf.random.normal([batch_size, noise_dim])
    with tf.GradientTape() as gen_tape, tf.GradientTape() as disc_tape:
        generated_images = generator(noise, training=True)
        real_output = discriminator(images, training=True)
        fake_output = discriminator(generated_images, training=True)
        gen_loss = cross_entropy(tf.ones_like(fake_output), fake_output)
        disc_loss = cross_entropy(tf.ones_like(real_output), real_output) + cross_entropy(
            tf.zeros_like(fake_output), fake_output
        )
    gen_grads = gen_tape.gradient(gen_loss, generator.trainable_variables)
    disc_grads = disc_tape.gradient(disc_loss, discriminator.trainable_variables)
    generator_optimizer.apply_gradients(zip(gen_grads, generator.trainable_variables))
    discriminator_optimizer.apply_gradients(zip(disc_grads, discriminator.trainable_variables))


for epoch in range(2):
    for image_batch in dataset:
        train_step(image_batch)
