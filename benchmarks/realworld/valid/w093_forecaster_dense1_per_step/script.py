"""Load forecaster: given 96 quarter-hour readings, predict the next 96 with one value per step."""
import numpy as np
import keras
from keras import layers

IN_OUT_STEPS = 96

rng = np.random.default_rng(4)
t = np.arange(120 + 2 * IN_OUT_STEPS)
load = np.sin(2 * np.pi * t / IN_OUT_STEPS) + 0.1 * rng.normal(size=t.shape)
starts = np.arange(120)
X = np.stack([load[s:s + IN_OUT_STEPS] for s in starts])[..., None].astype("float32")
y = np.stack([load[s + IN_OUT_STEPS:s + 2 * IN_OUT_STEPS] for s in starts])[..., None].astype("float32")

model = keras.Sequential([
    keras.Input(shape=(IN_OUT_STEPS, 1)),
    layers.LSTM(32, return_sequences=True),
    layers.LSTM(16, return_sequences=True),
    layers.TimeDistributed(layers.Dense(1)),
    layers.Activation("linear"),
])
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(X, y, batch_size=10, epochs=1, verbose=0)
forecast = model.predict(X[:1], verbose=0)
print(forecast.shape)
