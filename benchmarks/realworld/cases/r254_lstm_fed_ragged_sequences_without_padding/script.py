import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Input, LSTM, Dense

# Each sample is a sequence of 2-D measurements; sequences have different lengths
rng = np.random.default_rng(0)
lengths = rng.integers(3, 9, size=40)
sequences = [rng.random((n, 2)).astype("float32") for n in lengths]
y_train = rng.integers(0, 2, size=(40, 1)).astype("float32")

x_train = np.array(sequences, dtype=object)

model = Sequential()
model.add(Input(shape=(None, 2)))
model.add(LSTM(16))
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(x_train, y_train, batch_size=8, epochs=1, verbose=0)
