import numpy as np
import keras
from keras import layers

# Reconstruction autoencoder on windows of a univariate series (288 steps, 1 value each).
x_train = np.random.rand(64, 288, 1).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(288, 1)),
    layers.Conv1D(32, 7, padding="same", strides=2, activation="relu"),
    layers.Conv1D(16, 7, padding="same", strides=2, activation="relu"),
    layers.Conv1DTranspose(16, 7, padding="same", strides=2, activation="relu"),
    layers.Conv1DTranspose(32, 7, padding="same", strides=2, activation="relu"),
    layers.Conv1DTranspose(2, 7, padding="same"),
])
model.compile(optimizer="adam", loss="mse")
model.fit(x_train, x_train, epochs=1, batch_size=16, verbose=0)
