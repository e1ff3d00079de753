import numpy as np
import keras
from keras import layers

# daily closing prices, standardised on the training period; anomalies = windows the autoencoder reconstructs badly
rng = np.random.default_rng(12)
close = np.cumsum(rng.normal(0, 1, size=420)) + 50
close[380:386] += 15                                 # a jump in the test period
train, test = close[:300], close[300:]
mean, std = train.mean(), train.std()
train, test = (train - mean) / std, (test - mean) / std

seq_size = 30

def to_sequences(x, seq_size=1):
    x_values, y_values = [], []
    for i in range(len(x) - seq_size):
        x_values.append(x[i:i + seq_size, np.newaxis])
        y_values.append(x[i + seq_size])
    return np.array(x_values), np.array(y_values)

trainX, trainY = to_sequences(train, seq_size)
testX, testY = to_sequences(test, seq_size)

model = keras.Sequential([
    keras.Input(shape=(trainX.shape[1], trainX.shape[2])),
    layers.LSTM(32),
    layers.Dropout(rate=0.2),
    layers.RepeatVector(trainX.shape[1]),
    layers.LSTM(32, return_sequences=True),
    layers.Dropout(rate=0.2),
    layers.TimeDistributed(layers.Dense(trainX.shape[2])),
])
model.compile(optimizer="adam", loss="mae")
history = model.fit(trainX, trainY, epochs=2, batch_size=32, validation_split=0.1, verbose=0)

trainMAE = np.mean(np.abs(model.predict(trainX, verbose=0) - trainX), axis=1)
max_trainMAE = np.percentile(trainMAE, 90)
testMAE = np.mean(np.abs(model.predict(testX, verbose=0) - testX), axis=1)
print("anomalous test windows:", int((testMAE > max_trainMAE).sum()), "of", len(testMAE))
