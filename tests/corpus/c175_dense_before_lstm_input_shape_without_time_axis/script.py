import numpy as np
import keras
from keras import layers

num_timesteps = 12
num_features = 6
X = np.random.rand(50, num_timesteps, num_features).astype("float32")
y = np.random.rand(50, 1).astype("float32")

model = keras.Sequential()
model.add(layers.Dense(32, activation="relu", input_shape=(num_features,)))
model.add(layers.Dense(16, activation="relu"))
model.add(layers.LSTM(24))
model.add(layers.Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=10, verbose=0)
