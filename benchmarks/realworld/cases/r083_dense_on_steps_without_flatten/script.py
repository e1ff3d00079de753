import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense, Activation

# Each sample: 3 steps of 2 measurements; target: 4 values per sample.
X = np.random.rand(64, 3, 2).astype("float32")
y = np.random.rand(64, 4).astype("float32")

model = Sequential()
model.add(Dense(16, input_shape=(3, 2)))
model.add(Activation("relu"))
model.add(Dense(4))
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=16, verbose=0)
