import numpy as np
import keras
from keras import layers

# Multi-step forecast: 10 past readings in, the next 3 readings out (a vector output).
n_steps_in, n_steps_out, n_features = 10, 3, 1
series = np.random.rand(80 + n_steps_in + n_steps_out).astype("float32")
X = np.array([series[i:i + n_steps_in] for i in range(80)]).reshape(80, n_steps_in, n_features)
y = np.array([series[i + n_steps_in:i + n_steps_in + n_steps_out] for i in range(80)])

model = keras.Sequential()
model.add(keras.Input(shape=(n_steps_in, n_features)))
model.add(layers.LSTM(50, activation="relu", return_sequences=True))
model.add(layers.LSTM(50, activation="relu", return_sequences=True))
model.add(layers.Dense(n_steps_out))
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=16, verbose=0)
