import numpy as np
from keras.models import Sequential
from keras.layers import Input, LSTM, Dense

# 100 samples with 9 features each, 2 regression targets.
X = np.random.rand(100, 9).astype("float32")
Y = np.random.rand(100, 2).astype("float32")

model = Sequential()
model.add(Input(shape=(9,)))
model.add(LSTM(32))
model.add(Dense(2))
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(X, Y, epochs=1, batch_size=32, verbose=0)
