# Stateful GRU load forecaster: trained on windows of 24 hourly readings (3 sensors)
# in fixed batches of 16 so the state carries across consecutive batches; afterwards
# it is asked for the next-hour load of the single most recent window.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(12)
batch_size, steps, n_sensors = 16, 24, 3

windows = rng.normal(size=(320, steps, n_sensors)).astype("float32")
next_load = windows[:, -1, :1] * 0.5 + 0.1 * rng.normal(size=(320, 1)).astype("float32")

def build_forecaster(batch):
    return keras.Sequential([
        keras.Input(batch_shape=(batch, steps, n_sensors)),
        layers.GRU(32, stateful=True),
        layers.Dense(1),
    ])

forecaster = build_forecaster(batch_size)
forecaster.compile(optimizer="adam", loss="mse")
for epoch in range(2):
    forecaster.fit(windows, next_load, batch_size=batch_size, epochs=1, shuffle=False, verbose=0)
    forecaster.layers[0].reset_states()

latest_window = rng.normal(size=(1, steps, n_sensors)).astype("float32")
print("next-hour load:", forecaster.predict(latest_window, verbose=0))
