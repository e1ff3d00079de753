import numpy as np
import tensorflow as tf
import keras
from keras import layers

num_classes = 10
image_size = 28
latent_dim = 16
generator_in_channels = latent_dim
discriminator_in_channels = 1 + num_classes

discriminator = keras.Sequential([
    keras.layers.InputLayer((28, 28, discriminator_in_channels)),
    layers.Conv2D(16, (3, 3), strides=(2, 2), padding="same"),
    layers.LeakyReLU(negative_slope=0.2),
    layers.GlobalMaxPooling2D(),
    layers.Dense(1),
], name="discriminator")
generator = keras.Sequential([
    keras.layers.InputLayer((generator_in_channels,)),
    layers.Dense(7 * 7 * generator_in_channels),
    layers.LeakyReLU(negative_slope=0.2),
    layers.Reshape((7, 7, generator_in_channels)),
    layers.Conv2DTranspose(32, (4, 4), strides=(2, 2), padding="same"),
    layers.LeakyReLU(negative_slope=0.2),
    layers.Conv2DTranspose(32, (4, 4), strides=(2, 2), padding="same"),
    layers.Conv2D(1, (7, 7), padding="same", activation="sigmoid"),
], name="generator")


class ConditionalGAN(keras.Model):
    def __init__(self, discriminator, generator, latent_dim):
        super().__init__()
        self.discriminator = discriminator
        self.generator = generator
        self.latent_dim = latent_dim

    def compile(self, d_optimizer, loss_fn):
        super().compile()
        self.d_optimizer = d_optimizer
        self.loss_fn = loss_fn

    def train_step(self, data):
        real_images, one_hot_labels = data
        image_one_hot_labels = one_hot_labels[:, :, None, None]
        image_one_hot_labels = tf.repeat(image_one_hot_labels, repeats=[image_size * image_size])
        image_one_hot_labels = tf.reshape(image_one_hot_labels, (-1, image_size, image_size, num_classes))
        batch_size = tf.shape(real_images)[0]
        random_latent_vectors = tf.random.normal(shape=(batch_size, self.latent_dim))
        random_vector_labels = tf.concat([random_latent_vectors, one_hot_labels], axis=1)
        generated_images = self.generator(random_vector_labels)
        fake_image_and_labels = tf.concat([generated_images, image_one_hot_labels], -1)
        real_image_and_labels = tf.concat([real_images, image_one_hot_labels], -1)
        combined_images = tf.concat([fake_image_and_labels, real_image_and_labels], axis=0)
        labels = tf.concat([tf.ones((batch_size, 1)), tf.zeros((batch_size, 1))], axis=0)
        with tf.GradientTape() as tape:
            predictions = self.discriminator(combined_images)
            d_loss = self.loss_fn(labels, predictions)
        grads = tape.gradient(d_loss, self.discriminator.trainable_weights)
        self.d_optimizer.apply_gradients(zip(grads, self.discriminator.trainable_weights))
        return {"d_loss": d_loss}


all_digits = np.random.rand(32, 28, 28, 1).astype("float32")
all_labels = keras.utils.to_categorical(np.random.randint(0, 10, size=(32,)), 10).astype("float32")
dataset = tf.data.Dataset.from_tensor_slices((all_digits, all_labels)).batch(8)
cond_gan = ConditionalGAN(discriminator=discriminator, generator=generator, latent_dim=latent_dim)
cond_gan.compile(d_optimizer=keras.optimizers.Adam(learning_rate=0.0003), loss_fn=keras.losses.BinaryCrossentropy(from_logits=True))
cond_gan.fit(dataset, epochs=1, verbose=0)
