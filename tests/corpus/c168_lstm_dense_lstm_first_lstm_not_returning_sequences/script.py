import numpy as np
import keras
from keras import layers

windows = np.random.rand(64, 20, 3).astype("float32")
targets = np.random.rand(64, 1).astype("float32")

inputs = keras.Input(shape=(20, 3))
h = layers.LSTM(64)(inputs)
h = layers.Dense(32, activation="relu")(h)
h = layers.LSTM(16)(h)
outputs = layers.Dense(1)(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(windows, targets, epochs=1, batch_size=16, verbose=0)
