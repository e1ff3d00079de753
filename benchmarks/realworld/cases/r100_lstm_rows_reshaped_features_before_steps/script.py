import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential

samples, time_steps, features = 100, 10, 2

# a table of 100 sequences, each 10 steps of 2 variables, stored row-wise
raw = np.random.rand(samples, time_steps * features).astype("float32")
X = raw.reshape((samples, features, time_steps))
y = np.random.rand(samples, 1).astype("float32")

model = Sequential()
model.add(LSTM(50, input_shape=(time_steps, features)))
model.add(Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=10, verbose=0)
