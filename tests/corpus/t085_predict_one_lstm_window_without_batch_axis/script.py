import numpy as np
import keras
from keras import layers

# Sensor windows: 10 time steps of 3 readings each, one value to forecast.
windows = np.random.rand(200, 10, 3).astype("float32")
targets = np.random.rand(200, 1).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(10, 3)),
    layers.LSTM(16),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(windows, targets, epochs=1, batch_size=32, verbose=0)

latest = windows[-1]
forecast = model.predict(latest, verbose=0)
print(forecast)
