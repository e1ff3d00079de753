# Deep convolutional GAN on small colour images of one class, trained step by step with
# train_on_batch: the discriminator learns on a batch of generated plus real images with
# 1 (fake) / 0 (real) labels, then the generator learns through the frozen
# discriminator with all-"real" targets.
import numpy as np
import keras
from keras import layers

latent_dim = 32
height, width, channels = 16, 16, 3
batch_size = 10

gen_in = keras.Input(shape=(latent_dim,))
x = layers.Dense(64 * 8 * 8)(gen_in)
x = layers.LeakyReLU()(x)
x = layers.Reshape((8, 8, 64))(x)
x = layers.Conv2D(64, 5, padding="same")(x)
x = layers.LeakyReLU()(x)
x = layers.Conv2DTranspose(64, 4, strides=2, padding="same")(x)
x = layers.LeakyReLU()(x)
x = layers.Conv2D(channels, 7, activation="tanh", padding="same")(x)
generator = keras.Model(gen_in, x)

disc_in = keras.Input(shape=(height, width, channels))
y = layers.Conv2D(32, 3)(disc_in)
y = layers.LeakyReLU()(y)
y = layers.Conv2D(32, 4, strides=2)(y)
y = layers.LeakyReLU()(y)
y = layers.Flatten()(y)
y = layers.Dropout(0.4)(y)
y = layers.Dense(1, activation="sigmoid")(y)
discriminator = keras.Model(disc_in, y)
discriminator.compile(optimizer=keras.optimizers.RMSprop(learning_rate=8e-4, clipvalue=1.0),
                      loss="binary_crossentropy")

discriminator.trainable = False
gan_in = keras.Input(shape=(latent_dim,))
gan = keras.Model(gan_in, discriminator(generator(gan_in)))
gan.compile(optimizer=keras.optimizers.RMSprop(learning_rate=4e-4, clipvalue=1.0),
            loss="binary_crossentropy")

rng = np.random.default_rng(30)
x_train = rng.random((60, height, width, channels)).astype("float32")

start = 0
for step in range(5):
    random_latent_vectors = rng.normal(size=(batch_size, latent_dim))
    generated_images = generator.predict(random_latent_vectors, verbose=0)
    stop = start + batch_size
    real_images = x_train[start:stop]
    combined_images = np.concatenate([generated_images, real_images], axis=-1)
    labels = np.concatenate([np.ones((batch_size, 1)), np.zeros((batch_size, 1))])
    labels += 0.05 * rng.random(labels.shape)
    d_loss = discriminator.train_on_batch(combined_images, labels)

    random_latent_vectors = rng.normal(size=(batch_size, latent_dim))
    misleading_targets = np.zeros((batch_size, 1))
    a_loss = gan.train_on_batch(random_latent_vectors, misleading_targets)

    start += batch_size
    if start > len(x_train) - batch_size:
        start = 0
print("discriminator loss", d_loss, "adversarial loss", a_loss)
