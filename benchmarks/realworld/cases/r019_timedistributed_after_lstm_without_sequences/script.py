import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, TimeDistributed, Dense

timestamps, units = 20, 16
X = np.random.rand(48, timestamps, 1).astype("float32")
y = np.random.rand(48, timestamps, 1).astype("float32")

model = Sequential([
    LSTM(units, input_shape=(timestamps, 1)),
    TimeDistributed(Dense(1)),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=12, verbose=0)
