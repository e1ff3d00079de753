import numpy as np
import keras
from keras import layers

# 6 hourly readings of 4 building sensors; the target is the electric load of every hour
rng = np.random.default_rng(21)
n_days, hours, sensors = 80, 6, 4
readings = rng.normal(0.0, 1.0, size=(n_days, hours, sensors)).astype("float32")
weights = np.array([0.8, -0.4, 0.3, 0.1], dtype="float32")
load = np.cumsum(readings @ weights, axis=1)[..., None].astype("float32")   # (80, 6, 1)

inputs = keras.Input(shape=(hours, sensors), name="sensor_readings")
x = layers.GRU(24, return_sequences=True)(inputs)
x = layers.GRU(12, return_sequences=True)(x)
outputs = layers.TimeDistributed(layers.Dense(1), name="hourly_load")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse", metrics=["mae"])

model.fit(readings[:64], load[:64], validation_data=(readings[64:], load[64:]),
          epochs=2, batch_size=8, verbose=0)
forecast = model.predict(readings[64:68], verbose=0)
print("per-hour forecast:", forecast.shape)
