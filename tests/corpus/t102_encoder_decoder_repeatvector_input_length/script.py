import numpy as np
import keras
from keras import layers

# Multi-step forecast: read 3 steps, predict the next 2.
n_steps_in, n_steps_out, n_features = 3, 2, 1
X = np.random.rand(40, n_steps_in, n_features).astype("float32")
y = np.random.rand(40, n_steps_out, n_features).astype("float32")

model = keras.Sequential()
model.add(keras.Input(shape=(n_steps_in, n_features)))
model.add(layers.LSTM(50, activation="relu"))
model.add(layers.RepeatVector(n_steps_in))
model.add(layers.LSTM(50, activation="relu", return_sequences=True))
model.add(layers.TimeDistributed(layers.Dense(1)))
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=8, verbose=0)
