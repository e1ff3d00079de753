import numpy as np
import keras
from keras import layers

# A univariate series cut into look-back windows of 3 values; the next value is the target.
rng = np.random.default_rng(201)
series = rng.random(120).astype("float32")
look_back = 3
trainX = np.array([series[i:i + look_back] for i in range(len(series) - look_back)])
trainY = series[look_back:]
trainX = np.reshape(trainX, (trainX.shape[0], 1, trainX.shape[1]))

model = keras.Sequential([
    keras.Input(shape=(look_back, 1)),
    layers.LSTM(8),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(trainX, trainY, epochs=1, batch_size=16, verbose=0)
