import numpy as np
import keras
from keras import layers

# echo sequence: 0.0, 0.2, 0.4, 0.6, 0.8 given all at once, returned one value per step
length = 5
seq = np.array([i / float(length) for i in range(length)])
X = seq.reshape(1, length, 1)
y = seq.reshape(1, length, 1)

n_neurons = length
n_batch = 1
n_epoch = 2

model = keras.Sequential()
model.add(keras.Input(shape=(length, 1)))
model.add(layers.LSTM(n_neurons))
model.add(layers.TimeDistributed(layers.Dense(1)))
model.compile(loss="mean_squared_error", optimizer="adam")
model.summary()

model.fit(X, y, epochs=n_epoch, batch_size=n_batch, verbose=0)
result = model.predict(X, batch_size=n_batch, verbose=0)
for value in result[0, :, 0]:
    print("%.1f" % value)
