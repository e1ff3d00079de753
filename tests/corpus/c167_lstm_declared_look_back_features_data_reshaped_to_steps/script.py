import numpy as np
import keras
from keras import layers

look_back = 10
series = np.random.rand(120).astype("float32")
trainX = np.array([series[i:i + look_back] for i in range(100)])
trainY = series[look_back:look_back + 100]
# reshape input to be [samples, time steps, features]
trainX = np.reshape(trainX, (trainX.shape[0], trainX.shape[1], 1))

model = keras.Sequential()
model.add(layers.LSTM(10, input_shape=(look_back,)))
model.add(layers.Dense(1))
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(trainX, trainY, epochs=1, batch_size=16, verbose=0)
