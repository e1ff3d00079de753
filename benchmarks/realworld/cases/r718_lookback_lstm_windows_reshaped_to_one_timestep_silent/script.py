# Monthly airline-passenger forecasting with an LSTM, "window method": each sample holds
# the previous LOOK_BACK months and the target is the next month. The windows are reshaped
# to the 3-D layout an LSTM needs before training.
import numpy as np
import keras
from keras import layers

LOOK_BACK = 12


def create_dataset(series, look_back):
    data_x, data_y = [], []
    for i in range(len(series) - look_back):
        data_x.append(series[i:i + look_back])
        data_y.append(series[i + look_back])
    return np.array(data_x), np.array(data_y)


months = np.arange(144)
passengers = 120 + 2.2 * months + 35 * np.sin(2 * np.pi * months / 12)
passengers += np.random.default_rng(6).normal(scale=6, size=144)
scaled = ((passengers - passengers.min()) / (passengers.max() - passengers.min())).astype("float32")
train, test = scaled[:96], scaled[96:]
trainX, trainY = create_dataset(train, LOOK_BACK)
testX, testY = create_dataset(test, LOOK_BACK)

trainX = np.reshape(trainX, (trainX.shape[0], 1, trainX.shape[1]))
testX = np.reshape(testX, (testX.shape[0], 1, testX.shape[1]))

model = keras.Sequential([
    keras.Input(shape=(1, LOOK_BACK)),
    layers.LSTM(4),
    layers.Dense(1),
])
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(trainX, trainY, epochs=3, batch_size=1, verbose=0)
test_pred = model.predict(testX, verbose=0)
print("test RMSE:", float(np.sqrt(np.mean((test_pred[:, 0] - testY) ** 2))))
