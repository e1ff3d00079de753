# Solar-output forecaster: the last 36 readings of a panel go in, the next 8 come out.
# The encoder LSTM summarises the past window into one vector, RepeatVector stretches
# it to the 8 future steps and a second LSTM + TimeDistributed head decodes them.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(180)
readings = np.clip(np.sin(np.arange(2400) * 2 * np.pi / 24), 0, None) + 0.05 * rng.normal(size=2400)
readings = readings.astype("float32")
LOOKBACK, HORIZON = 36, 8
starts = np.arange(0, len(readings) - LOOKBACK - HORIZON, 5)
past = np.stack([readings[s:s + LOOKBACK] for s in starts])[..., None]
future = np.stack([readings[s + LOOKBACK:s + LOOKBACK + HORIZON] for s in starts])[..., None]
print("past", past.shape, "future", future.shape)

window_in = keras.Input(shape=(LOOKBACK, 1))
summary = layers.LSTM(40, dropout=0.1)(window_in)
stretched = layers.RepeatVector(HORIZON)(summary)
decoded = layers.LSTM(24, return_sequences=True)(stretched)
steps_out = layers.TimeDistributed(layers.Dense(1))(decoded)
forecaster = keras.Model(window_in, steps_out)
forecaster.compile(optimizer="adam", loss="mae")

forecaster.fit(past, future, batch_size=32, epochs=2, validation_split=0.1, verbose=0)
print("next 8 readings", forecaster.predict(past[-1:], verbose=0).shape)
