import numpy as np
import keras
from keras import layers

# Reconstruction autoencoder for anomaly detection: windows of 32 readings in, the same out.
TIME_STEPS = 32
values = np.random.rand(200).astype("float32")
x_train = np.stack([values[i:i + TIME_STEPS] for i in range(len(values) - TIME_STEPS + 1)])[..., None]

model = keras.Sequential([
    layers.Input(shape=(x_train.shape[1], x_train.shape[2])),
    layers.Conv1D(filters=16, kernel_size=7, padding="same", strides=2, activation="relu"),
    layers.Conv1D(filters=8, kernel_size=7, padding="same", strides=2, activation="relu"),
    layers.Conv1DTranspose(filters=8, kernel_size=7, padding="same", strides=2, activation="relu"),
    layers.Conv1DTranspose(filters=16, kernel_size=7, padding="same", activation="relu"),
    layers.Conv1DTranspose(filters=1, kernel_size=7, padding="same"),
])
model.compile(optimizer="adam", loss="mse")
model.fit(x_train, x_train, epochs=1, batch_size=32, verbose=0)
