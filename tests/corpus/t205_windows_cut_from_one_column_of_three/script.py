import numpy as np
import keras
from keras import layers


def create_dataset(dataset, look_back=1):
    dataX, dataY = [], []
    for i in range(len(dataset) - look_back - 1):
        a = dataset[i:(i + look_back), 0]
        dataX.append(a)
        dataY.append(dataset[i + look_back, 0])
    return np.array(dataX), np.array(dataY)


# Three measured series side by side; the first one is forecast.
rng = np.random.default_rng(205)
dataset = rng.random((150, 3)).astype("float32")
look_back = 5
trainX, trainY = create_dataset(dataset, look_back)

model = keras.Sequential([
    keras.Input(shape=(look_back, 3)),
    layers.LSTM(8),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(trainX, trainY, epochs=1, batch_size=16, verbose=0)
