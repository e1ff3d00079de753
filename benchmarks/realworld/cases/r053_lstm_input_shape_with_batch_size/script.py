import numpy as np
import keras
from keras import layers

batch_size, time_steps, features = 32, 50, 4
prices = np.random.rand(320, time_steps, features).astype("float32")
next_close = np.random.rand(320, 1).astype("float32")

model = keras.Sequential()
model.add(layers.LSTM(64, input_shape=(batch_size, time_steps, features)))
model.add(layers.Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(prices, next_close, batch_size=batch_size, epochs=1, verbose=0)
