import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(17)
n_readings, n_channels, readings_per_gesture = 900, 10, 5
# one row per IMU reading; every 5 consecutive readings make one gesture
readings = rng.normal(size=(n_readings, n_channels)).astype("float32")
gesture_ids = rng.integers(0, 4, size=n_readings // readings_per_gesture)

windows = readings.reshape(n_readings, 1, n_channels)

model = keras.Sequential([
    keras.Input(shape=windows.shape[1:]),
    layers.LSTM(24),
    layers.Dense(4, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

model.fit(windows, gesture_ids, batch_size=20, epochs=2, verbose=0)
print(model.evaluate(windows, gesture_ids, verbose=0))
