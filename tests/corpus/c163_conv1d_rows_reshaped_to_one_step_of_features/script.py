import numpy as np
import keras
from keras import layers

# 200 sensor readings per sample, reshaped to [samples, time steps, features].
X = np.random.rand(96, 200).astype("float32")
y = np.random.randint(0, 2, size=(96,))
X = X.reshape(X.shape[0], 1, X.shape[1])

model = keras.Sequential()
model.add(layers.Conv1D(32, 3, activation="relu", input_shape=(1, 200)))
model.add(layers.MaxPooling1D(2))
model.add(layers.Flatten())
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(X, y, epochs=1, batch_size=16, verbose=0)
