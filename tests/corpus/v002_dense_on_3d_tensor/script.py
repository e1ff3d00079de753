import numpy as np
import keras
from keras import layers

# Dense applied to (batch, timesteps, features) acts on the last axis.
inputs = keras.Input(shape=(12, 8))
x = layers.Dense(16, activation="relu")(inputs)
x = layers.Dense(4)(x)
x = layers.LSTM(8)(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
print(model(np.random.rand(2, 12, 8).astype("float32")).shape)
