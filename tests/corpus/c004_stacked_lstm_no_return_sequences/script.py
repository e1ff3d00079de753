import numpy as np
import keras
from keras import layers

timesteps, data_dim = 8, 16

model = keras.Sequential([
    keras.Input(shape=(timesteps, data_dim)),
    layers.LSTM(32),
    layers.LSTM(32),
    layers.LSTM(32),
    layers.Dense(10, activation="softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer="rmsprop")

x = np.random.rand(4, timesteps, data_dim).astype("float32")
print(model(x).shape)
