import numpy as np
import keras
from keras import layers

# daily totals of 8 household meter readings; column 0 is global active power (the series to forecast)
rng = np.random.default_rng(7)
n_days, n_vars = 210, 8
t = np.arange(n_days)
weekly = np.sin(2 * np.pi * t / 7)[:, None]
daily = (1.0 + 0.5 * weekly * rng.uniform(0.5, 1.5, size=(1, n_vars))
         + 0.1 * rng.normal(size=(n_days, n_vars))).astype("float32")
train = daily[:168].reshape((-1, 7, n_vars))   # standard weeks: (24, 7, 8)

def to_supervised(weeks, n_input, n_out=7):
    data = weeks.reshape((weeks.shape[0] * weeks.shape[1], weeks.shape[2]))
    X, y = [], []
    in_start = 0
    for _ in range(len(data)):
        in_end = in_start + n_input
        out_end = in_end + n_out
        if out_end <= len(data):
            X.append(data[in_start:in_end, :])
            y.append(data[in_end:out_end])
        in_start += 1
    return np.array(X), np.array(y)

n_input = 14
train_x, train_y = to_supervised(train, n_input)
n_timesteps, n_features, n_outputs = train_x.shape[1], train_x.shape[2], train_y.shape[1]

model = keras.Sequential([
    keras.Input(shape=(n_timesteps, n_features)),
    layers.LSTM(32, activation="relu"),
    layers.RepeatVector(n_outputs),
    layers.LSTM(32, activation="relu", return_sequences=True),
    layers.TimeDistributed(layers.Dense(16, activation="relu")),
    layers.TimeDistributed(layers.Dense(1)),
])
model.compile(loss="mse", optimizer="adam")
model.fit(train_x, train_y, epochs=2, batch_size=16, verbose=0)

history = daily[168 - n_input:168][np.newaxis]
forecast = model.predict(history, verbose=0)[0, :, 0]
print("next-week active power forecast:", np.round(forecast, 3))
