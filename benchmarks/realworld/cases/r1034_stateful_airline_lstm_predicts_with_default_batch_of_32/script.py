import numpy as np
import keras
from keras import layers

# monthly passenger-like series, scaled to [0, 1]
rng = np.random.default_rng(7)
months = np.arange(144)
series = 100 + 2 * months + 30 * np.sin(months * 2 * np.pi / 12) + rng.normal(0, 5, 144)
dataset = ((series - series.min()) / (series.max() - series.min())).reshape(-1, 1).astype("float32")


def create_dataset(dataset, look_back=1):
    dataX, dataY = [], []
    for i in range(len(dataset) - look_back - 1):
        dataX.append(dataset[i:(i + look_back), 0])
        dataY.append(dataset[i + look_back, 0])
    return np.array(dataX), np.array(dataY)


train_size = int(len(dataset) * 0.67)
train, test = dataset[0:train_size, :], dataset[train_size:len(dataset), :]
look_back = 3
trainX, trainY = create_dataset(train, look_back)
testX, testY = create_dataset(test, look_back)
trainX = np.reshape(trainX, (trainX.shape[0], trainX.shape[1], 1))
testX = np.reshape(testX, (testX.shape[0], testX.shape[1], 1))

# LSTM with memory between batches
batch_size = 1
model = keras.Sequential()
model.add(keras.Input(batch_shape=(batch_size, look_back, 1)))
model.add(layers.LSTM(4, stateful=True))
model.add(layers.Dense(1))
model.compile(loss="mean_squared_error", optimizer="adam")
for i in range(2):
    model.fit(trainX, trainY, epochs=1, batch_size=batch_size, verbose=0, shuffle=False)
    model.layers[0].reset_states()

trainPredict = model.predict(trainX)
model.layers[0].reset_states()
testPredict = model.predict(testX)
print(trainPredict.shape, testPredict.shape)
