import numpy as np
import keras
from keras import layers

latent_dim = 100

generator = keras.Sequential()
generator.add(keras.Input(shape=(latent_dim,)))
generator.add(layers.Dense(7 * 7 * 64, use_bias=False))
generator.add(layers.BatchNormalization())
generator.add(layers.LeakyReLU())
generator.add(layers.Reshape((7, 7, 128)))
generator.add(layers.Conv2DTranspose(64, (5, 5), strides=(2, 2), padding="same"))
generator.add(layers.Conv2DTranspose(1, (5, 5), strides=(2, 2), padding="same", activation="tanh"))

z = np.random.normal(size=(2, latent_dim)).astype("float32")
print(generator(z).shape)
