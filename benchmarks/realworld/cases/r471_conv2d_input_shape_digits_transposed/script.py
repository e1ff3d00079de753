# 1-D spectral traces stored as (1, width, 1) "images" and classified with a small Conv2D net.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(6)
n_traces, trace_len = 30, 1867
x_train = rng.standard_normal((n_traces, 1, trace_len, 1)).astype("float32")
y_train = rng.integers(0, 2, size=n_traces)

model = keras.Sequential()
model.add(layers.Conv2D(8, (1, 9), activation="relu", input_shape=(1, 1876, 1)))
model.add(layers.MaxPooling2D(pool_size=(1, 4)))
model.add(layers.Flatten())
model.add(layers.Dense(16, activation="relu"))
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])

model.fit(x_train, y_train, batch_size=10, epochs=2, verbose=0)
print(model.evaluate(x_train, y_train, verbose=0))
