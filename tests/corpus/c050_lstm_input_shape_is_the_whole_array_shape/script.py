import numpy as np
import keras
from keras import layers

# Each sample: 6 records of 30 readings; binary label per sample.
batch = np.random.rand(24, 6, 30).astype("float32")
labels = np.random.randint(0, 2, size=(24, 1)).astype("float32")

model = keras.Sequential()
model.add(layers.LSTM(100, input_shape=batch.shape))
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(batch, labels, batch_size=6, epochs=1, verbose=0)
