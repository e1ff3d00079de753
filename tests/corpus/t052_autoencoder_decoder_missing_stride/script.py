import numpy as np
import keras
from keras import layers

latent_dim = 16

# VQ-VAE style convolutional autoencoder on 28x28 images: two stride-2 steps down, two up.
encoder_inputs = keras.Input(shape=(28, 28, 1))
x = layers.Conv2D(32, 3, activation="relu", strides=2, padding="same")(encoder_inputs)
x = layers.Conv2D(64, 3, activation="relu", strides=2, padding="same")(x)
encoded = layers.Conv2D(latent_dim, 1, padding="same")(x)
x = layers.Conv2DTranspose(64, 3, activation="relu", strides=2, padding="same")(encoded)
x = layers.Conv2DTranspose(32, 3, activation="relu", padding="same")(x)
decoded = layers.Conv2DTranspose(1, 3, padding="same")(x)
autoencoder = keras.Model(encoder_inputs, decoded)
autoencoder.compile(optimizer="adam", loss="mse")

x_train = np.random.rand(32, 28, 28, 1).astype("float32")
autoencoder.fit(x_train, x_train, epochs=1, batch_size=16, verbose=0)
