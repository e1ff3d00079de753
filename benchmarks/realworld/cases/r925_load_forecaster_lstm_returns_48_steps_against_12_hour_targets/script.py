import numpy as np
from tensorflow.keras import layers, initializers
from tensorflow.keras.models import Model

rng = np.random.default_rng(925)

# hourly load readings: 48 past hours in, the next 12 hours out
series = np.sin(np.arange(3000) * 2 * np.pi / 24) + 0.1 * rng.normal(size=3000)
series = series.astype("float32")
n_past, n_future = 48, 12
starts = range(0, len(series) - n_past - n_future, 7)
X = np.stack([series[s:s + n_past] for s in starts])[..., None]
y = np.stack([series[s + n_past:s + n_past + n_future] for s in starts])[..., None]
print("X", X.shape, "y", y.shape)

power_lstm_init = initializers.GlorotUniform(seed=1)
power_in = layers.Input(shape=X.shape[1:])
power_lstm = layers.LSTM(50, recurrent_dropout=0.2, dropout=0.2, kernel_initializer=power_lstm_init, return_sequences=True)(power_in)
main_out = layers.TimeDistributed(layers.Dense(1, kernel_initializer=power_lstm_init))(power_lstm)
model = Model(power_in, main_out)
model.compile(optimizer="adam", loss="mse")

model.fit(X, y, batch_size=32, epochs=2, validation_split=0.1, verbose=0)
next_day = model.predict(X[-1:], verbose=0)
print("forecast", next_day.shape)
