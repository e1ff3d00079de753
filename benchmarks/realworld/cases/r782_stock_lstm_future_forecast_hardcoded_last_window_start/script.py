# Stacked-LSTM stock forecaster: closing prices are min-max scaled, split 65/35 into
# train and test, cut into windows of TIME_STEP days, and after training the last
# window of the test series seeds a 5-day day-by-day forecast.
import numpy as np
import keras
from keras import layers

TIME_STEP = 20
rng = np.random.default_rng(4)
close = 150 + np.cumsum(rng.normal(0, 1.5, size=300))
scaled = ((close - close.min()) / (close.max() - close.min())).reshape(-1, 1)

training_size = int(len(scaled) * 0.65)
train_data, test_data = scaled[:training_size], scaled[training_size:]


def create_dataset(series, time_step):
    xs, ys = [], []
    for i in range(len(series) - time_step - 1):
        xs.append(series[i:i + time_step, 0])
        ys.append(series[i + time_step, 0])
    return np.array(xs), np.array(ys)


X_train, y_train = create_dataset(train_data, TIME_STEP)
X_train = X_train.reshape(X_train.shape[0], X_train.shape[1], 1)

model = keras.Sequential([
    keras.Input(shape=(TIME_STEP, 1)),
    layers.LSTM(16, return_sequences=True),
    layers.LSTM(16, return_sequences=True),
    layers.LSTM(16),
    layers.Dense(1),
])
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(X_train, y_train, epochs=1, batch_size=32, verbose=0)

x_input = test_data[86:].reshape(1, -1)
temp_input = list(x_input[0])
lst_output = []
n_steps = TIME_STEP
i = 0
while i < 5:
    if len(temp_input) > n_steps:
        x_input = np.array(temp_input[1:]).reshape((1, n_steps, 1))
        yhat = model.predict(x_input, verbose=0)
        temp_input = temp_input[1:] + [yhat[0, 0]]
    else:
        yhat = model.predict(x_input.reshape((1, n_steps, 1)), verbose=0)
        temp_input = temp_input + [yhat[0, 0]]
    lst_output.append(float(yhat[0, 0]))
    i += 1
print("next 5 days (scaled):", np.round(lst_output, 3))
