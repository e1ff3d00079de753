import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(4)
hours = np.arange(2000)
traffic = 50 + 20 * np.sin(2 * np.pi * hours / 24) + rng.normal(0, 3, size=hours.shape)
traffic = ((traffic - traffic.mean()) / traffic.std()).astype("float32")

window = 24


def make_windows(series, length):
    xs, ys = [], []
    for i in range(len(series) - length):
        xs.append(series[i:i + length])
        ys.append(series[i + length])
    return np.array(xs), np.array(ys)


x_train, y_train = make_windows(traffic, window)
print("windows:", x_train.shape, "next hour:", y_train.shape)

model = keras.Sequential([
    keras.Input(shape=(window,)),
    layers.Dense(30),
    layers.Dense(20),
    layers.Dropout(0.2),
])
model.compile(loss="mse", optimizer="rmsprop")
model.summary()
model.fit(x_train, y_train, batch_size=64, epochs=2, validation_split=0.1, verbose=2)

next_hour = model.predict(x_train[-1:], verbose=0)
print("forecast for the next hour:", next_hour.shape, next_hour.round(2))
