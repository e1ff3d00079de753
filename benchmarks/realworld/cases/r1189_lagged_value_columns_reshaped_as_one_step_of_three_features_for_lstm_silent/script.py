import numpy as np
import keras
from keras import layers

# a univariate series framed as a table of lagged values: columns t1, t2, t3 -> next value
rng = np.random.default_rng(5)
series = (np.sin(np.arange(300) * 0.2) * 5 + 8 + rng.normal(0, 0.3, 300)).astype("float32")
look_back = 3
table = np.stack([series[i:i + look_back] for i in range(len(series) - look_back)])   # (297, 3)
target = series[look_back:]                                                            # (297,)

split = 240
trainX, testX = table[:split], table[split:]
trainY, testY = target[:split], target[split:]

# reshape to [samples, time steps, features]
trainX = np.reshape(trainX, (trainX.shape[0], 1, trainX.shape[1]))
testX = np.reshape(testX, (testX.shape[0], 1, testX.shape[1]))

model = keras.Sequential([
    keras.Input(shape=(1, look_back)),
    layers.LSTM(16),
    layers.Dense(1),
])
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(trainX, trainY, epochs=2, batch_size=16, verbose=0)
print("test mse:", model.evaluate(testX, testY, verbose=0))
