import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(12)
timesteps, features = 20, 3
readings = rng.normal(size=(240, timesteps, features)).astype("float32")
next_load = readings[:, -5:, 0].mean(axis=1) + 0.1 * rng.normal(size=240).astype("float32")

model = keras.Sequential()
model.add(keras.Input(shape=(timesteps, features)))
model.add(layers.LSTM(32, return_sequences=True))
model.add(layers.LSTM(32, return_sequences=True))
model.add(layers.LSTM(32, return_sequences=True))
model.add(layers.Dense(1))
model.compile(optimizer="adam", loss="mse")
history = model.fit(readings, next_load, epochs=2, batch_size=32, verbose=0)
print("final loss", history.history["loss"][-1])

forecast = model.predict(readings[:4], verbose=0)
print(forecast.shape)
