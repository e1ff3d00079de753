import numpy as np
from keras.models import Sequential
from keras.layers import Input, Dense

features = np.random.rand(160, 8).astype("float32")
labels = np.random.randint(0, 2, size=(160,))

model = Sequential()
model.add(Input(shape=(8,)))
model.add(Dense(16, activation="relu"))
model.add(Dense(2, activation="softmax"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(features, labels, epochs=1, batch_size=32, verbose=0)
