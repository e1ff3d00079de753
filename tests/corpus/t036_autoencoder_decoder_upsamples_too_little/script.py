import numpy as np
import keras
from keras import layers

# Convolutional autoencoder on 28x28 grayscale images: the labels are the inputs.
x_train = np.random.rand(64, 28, 28, 1).astype("float32")

inputs = keras.Input(shape=(28, 28, 1))
x = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(inputs)
x = layers.Conv2D(8, 3, strides=2, padding="same", activation="relu")(x)
x = layers.Conv2DTranspose(8, 3, strides=2, padding="same", activation="relu")(x)
x = layers.Conv2DTranspose(16, 3, padding="same", activation="relu")(x)
outputs = layers.Conv2D(1, 3, padding="same", activation="sigmoid")(x)
autoencoder = keras.Model(inputs, outputs)
autoencoder.compile(optimizer="adam", loss="binary_crossentropy")
autoencoder.fit(x_train, x_train, epochs=1, batch_size=16, verbose=0)
