import numpy as np
import keras
from keras import layers


def define_discriminator(n_inputs=2):
    model = keras.Sequential([
        keras.Input(shape=(n_inputs,)),
        layers.Dense(25, activation="relu", kernel_initializer="he_uniform"),
        layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


def define_generator(latent_dim, n_outputs=1):
    model = keras.Sequential([
        keras.Input(shape=(latent_dim,)),
        layers.Dense(15, activation="relu", kernel_initializer="he_uniform"),
        layers.Dense(n_outputs, activation="linear"),
    ])
    return model


def define_gan(generator, discriminator):
    discriminator.trainable = False
    model = keras.Sequential([generator, discriminator])
    model.compile(loss="binary_crossentropy", optimizer="adam")
    return model


def generate_real_samples(n):
    x1 = np.random.rand(n) - 0.5
    x2 = x1 * x1
    X = np.hstack((x1.reshape(n, 1), x2.reshape(n, 1)))
    return X, np.ones((n, 1))


def generate_latent_points(latent_dim, n):
    return np.random.randn(latent_dim * n).reshape(n, latent_dim)


latent_dim = 5
discriminator = define_discriminator()
generator = define_generator(latent_dim)
gan_model = define_gan(generator, discriminator)

for step in range(3):
    x_real, y_real = generate_real_samples(32)
    x_fake = generator.predict(generate_latent_points(latent_dim, 32), verbose=0)
    discriminator.train_on_batch(x_real, y_real)
    discriminator.train_on_batch(x_fake, np.zeros((32, 1)))
    gan_model.train_on_batch(generate_latent_points(latent_dim, 64), np.ones((64, 1)))
print("done")
