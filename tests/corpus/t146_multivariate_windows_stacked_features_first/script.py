import numpy as np
import keras
from keras import layers

# Hourly temperature and humidity; 24-hour windows predict the next temperature.
rng = np.random.default_rng(6)
temperature = rng.random(200).astype("float32")
humidity = rng.random(200).astype("float32")
window = 24
temp_windows = np.array([temperature[i:i + window] for i in range(len(temperature) - window)])
hum_windows = np.array([humidity[i:i + window] for i in range(len(humidity) - window)])
X = np.array([temp_windows, hum_windows])
y = temperature[window:]

model = keras.Sequential([
    keras.Input(shape=(window, 2)),
    layers.LSTM(16),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=16, verbose=0)
