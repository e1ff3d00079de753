import numpy as np
import keras
from keras import layers


def residual_block(x, dilation_rate, filters=16, kernel_size=3):
    shortcut = x
    x = layers.Conv1D(filters, kernel_size, dilation_rate=dilation_rate)(x)
    x = layers.Activation("relu")(x)
    x = layers.Conv1D(filters, kernel_size, dilation_rate=dilation_rate, padding="causal")(x)
    x = layers.Activation("relu")(x)
    return layers.add([shortcut, x])


# Temporal convolutional network forecasting the next value of a 64-step series.
inputs = keras.Input(shape=(64, 1))
x = layers.Conv1D(16, 1, padding="causal")(inputs)
for rate in (1, 2, 4):
    x = residual_block(x, rate)
x = layers.Lambda(lambda t: t[:, -1, :])(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)

series = np.random.rand(16, 64, 1).astype("float32")
targets = np.random.rand(16, 1).astype("float32")
model.compile(optimizer="adam", loss="mse")
model.fit(series, targets, epochs=1, batch_size=4, verbose=0)
