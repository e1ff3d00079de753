"""Look-back LSTM forecaster (one value per window) whose LSTM still returns the whole sequence."""
import numpy as np
import keras
from keras import layers


def create_dataset(dataset, look_back=1):
    dataX, dataY = [], []
    for i in range(len(dataset) - look_back - 1):
        dataX.append(dataset[i:(i + look_back), 0])
        dataY.append(dataset[i + look_back, 0])
    return np.array(dataX), np.array(dataY)


rng = np.random.default_rng(15)
series = (np.sin(np.arange(240) / 8.0) + 0.1 * rng.normal(size=240)).reshape(-1, 1).astype("float32")
train, test = series[:180], series[180:]

look_back = 10
trainX, trainY = create_dataset(train, look_back)
testX, testY = create_dataset(test, look_back)
trainX = np.reshape(trainX, (trainX.shape[0], trainX.shape[1], 1))
testX = np.reshape(testX, (testX.shape[0], testX.shape[1], 1))

batch_size = 16
model = keras.Sequential()
model.add(keras.Input(shape=(look_back, 1)))
model.add(layers.LSTM(4, return_sequences=True))
model.add(layers.Dense(1))
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(trainX, trainY, epochs=3, batch_size=batch_size, verbose=0)

testPredict = model.predict(testX, verbose=0)
print("test predictions:", testPredict.shape, "targets:", testY.shape)
