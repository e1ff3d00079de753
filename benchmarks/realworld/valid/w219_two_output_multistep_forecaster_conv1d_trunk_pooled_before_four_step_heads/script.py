import numpy as np
import keras
from keras import layers

# four weather-station series; forecast the next 4 readings of temperature and humidity
rng = np.random.default_rng(5)
readings = np.cumsum(rng.normal(scale=0.3, size=(300, 4)), axis=0).astype("float32")
lookback, horizon = 12, 4
windows, temp_next, hum_next = [], [], []
for start in range(len(readings) - lookback - horizon):
    end = start + lookback
    windows.append(readings[start:end])
    temp_next.append(readings[end:end + horizon, 0])
    hum_next.append(readings[end:end + horizon, 1])
windows = np.stack(windows)
temp_next = np.stack(temp_next)
hum_next = np.stack(hum_next)

window_in = keras.Input(shape=(lookback, 4), name="window")
x = layers.Conv1D(16, 3, padding="causal", activation="relu")(window_in)
x = layers.Conv1D(16, 3, padding="causal", activation="relu")(x)
x = layers.GlobalAveragePooling1D()(x)  # (batch, 16): one vector per window
temp_out = layers.Dense(horizon, name="temperature")(x)
hum_out = layers.Dense(horizon, name="humidity")(x)

model = keras.Model(window_in, [temp_out, hum_out])
model.compile(optimizer="adam", loss="mae")
model.fit(windows, [temp_next, hum_next], epochs=2, batch_size=32, verbose=0)
temp_pred, hum_pred = model.predict(windows[-3:], verbose=0)
print(temp_pred.shape, hum_pred.shape)
