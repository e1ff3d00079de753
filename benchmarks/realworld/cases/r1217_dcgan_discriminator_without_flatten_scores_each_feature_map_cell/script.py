import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(9)
X_train = rng.uniform(size=(64, 28, 28)).astype("float32")
X_train = X_train.reshape(-1, 28, 28, 1) * 2.0 - 1.0   # tanh range, channel axis
BATCH_SIZE = 16
dataset = tf.data.Dataset.from_tensor_slices(X_train).shuffle(64)
dataset = dataset.batch(BATCH_SIZE, drop_remainder=True).prefetch(1)

codings_size = 32
generator = keras.Sequential([
    keras.Input(shape=(codings_size,)),
    layers.Dense(7 * 7 * 128),
    layers.Reshape([7, 7, 128]),
    layers.BatchNormalization(),
    layers.Conv2DTranspose(64, kernel_size=5, strides=2, padding="same", activation="selu"),
    layers.BatchNormalization(),
    layers.Conv2DTranspose(1, kernel_size=5, strides=2, padding="same", activation="tanh"),
])
discriminator = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(64, kernel_size=5, strides=2, padding="same", activation=layers.LeakyReLU(0.2)),
    layers.Dropout(0.4),
    layers.Conv2D(128, kernel_size=5, strides=2, padding="same", activation=layers.LeakyReLU(0.2)),
    layers.Dropout(0.4),
    layers.Dense(1, activation="sigmoid"),
])
gan = keras.Sequential([generator, discriminator])

discriminator.compile(loss="binary_crossentropy", optimizer="rmsprop")
discriminator.trainable = False
gan.compile(loss="binary_crossentropy", optimizer="rmsprop")


def train_gan(gan, dataset, random_normal_dimensions, n_epochs=1):
    generator, discriminator = gan.layers
    for epoch in range(n_epochs):
        for real_images in dataset:
            batch_size = real_images.shape[0]
            noise = tf.random.normal(shape=[batch_size, random_normal_dimensions])
            fake_images = generator(noise)
            mixed_images = tf.concat([fake_images, real_images], axis=0)
            discriminator_labels = tf.constant([[0.0]] * batch_size + [[1.0]] * batch_size)
            discriminator.trainable = True
            discriminator.train_on_batch(mixed_images, discriminator_labels)
            noise = tf.random.normal(shape=[batch_size, random_normal_dimensions])
            generator_labels = tf.constant([[1.0]] * batch_size)
            discriminator.trainable = False
            gan.train_on_batch(noise, generator_labels)
        print("epoch", epoch + 1, "fake batch:", fake_images.shape)


train_gan(gan, dataset, codings_size)
