import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(11)
n_hours = 60 * 24
t = np.arange(n_hours)
temperature = 15 + 8 * np.sin(2 * np.pi * t / 24) + rng.normal(0, 1, n_hours)
weekday = ((t // 24) % 7 < 5).astype(float)
hour_of_day = (t % 24) / 23.0
X = np.stack([temperature, weekday, hour_of_day], axis=1).astype("float32")
load = 100 + 2 * temperature + 30 * weekday + rng.normal(0, 5, n_hours)
load = ((load - load.mean()) / load.std()).astype("float32")

lookback = 7 * 24
x_windows, y_days = [], []
for start in range(0, n_hours - lookback - 24 + 1, 24):
    x_windows.append(X[start:start + lookback])
    y_days.append(load[start + lookback:start + lookback + 24])
x_windows = np.array(x_windows)
y_days = np.array(y_days)
print(x_windows.shape, y_days.shape)

model = keras.Sequential()
model.add(keras.Input(shape=(lookback, X.shape[1])))
model.add(layers.LSTM(32, return_sequences=True))
model.add(layers.Dense(24))
model.compile(loss="mean_squared_error", optimizer="adam", metrics=["mse"])
model.fit(x_windows, y_days, batch_size=32, epochs=2, verbose=2)

tomorrow = model.predict(x_windows[-1:], verbose=0)
print("load forecast for the next 24 hours:", tomorrow.shape)
