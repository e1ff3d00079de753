import numpy as np
import keras
from keras import layers


def define_discriminator(in_shape=(32, 32, 3)):
    model = keras.Sequential([
        keras.Input(shape=in_shape),
        layers.Conv2D(32, (3, 3), padding="same"),
        layers.LeakyReLU(negative_slope=0.2),
        layers.Conv2D(64, (3, 3), strides=(2, 2), padding="same"),
        layers.LeakyReLU(negative_slope=0.2),
        layers.Conv2D(64, (3, 3), strides=(2, 2), padding="same"),
        layers.LeakyReLU(negative_slope=0.2),
        layers.Flatten(),
        layers.Dropout(0.4),
        layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=0.0002, beta_1=0.5))
    return model


def define_generator(latent_dim):
    n_nodes = 64 * 7 * 7
    return keras.Sequential([
        keras.Input(shape=(latent_dim,)),
        layers.Dense(n_nodes),
        layers.LeakyReLU(negative_slope=0.2),
        layers.Reshape((7, 7, 64)),
        layers.Conv2DTranspose(64, (4, 4), strides=(2, 2), padding="same"),
        layers.LeakyReLU(negative_slope=0.2),
        layers.Conv2DTranspose(64, (4, 4), strides=(2, 2), padding="same"),
        layers.LeakyReLU(negative_slope=0.2),
        layers.Conv2D(3, (3, 3), activation="tanh", padding="same"),
    ])


def define_gan(g_model, d_model):
    d_model.trainable = False
    model = keras.Sequential()
    model.add(g_model)
    model.add(d_model)
    model.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=0.0002, beta_1=0.5))
    return model


latent_dim = 16
rng = np.random.default_rng(2)
dataset = rng.uniform(-1, 1, size=(64, 32, 32, 3)).astype("float32")  # stands in for scaled CIFAR-10 photos

d_model = define_discriminator()
g_model = define_generator(latent_dim)
gan_model = define_gan(g_model, d_model)

half_batch = 8
for step in range(2):
    X_real = dataset[rng.integers(0, dataset.shape[0], half_batch)]
    d_loss1 = d_model.train_on_batch(X_real, np.ones((half_batch, 1)))
    X_fake = g_model.predict(rng.normal(size=(half_batch, latent_dim)), verbose=0)
    d_loss2 = d_model.train_on_batch(X_fake, np.zeros((half_batch, 1)))
    g_loss = gan_model.train_on_batch(rng.normal(size=(2 * half_batch, latent_dim)), np.ones((2 * half_batch, 1)))
    print(step, float(d_loss1), float(d_loss2), float(g_loss))
