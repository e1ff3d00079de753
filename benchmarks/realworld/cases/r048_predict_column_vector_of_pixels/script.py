import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense

model = Sequential()
model.add(Dense(128, activation="relu", input_shape=(784,)))
model.add(Dense(10, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")

# A drawing posted from a web form: 784 pixel values read into a column.
pixels = np.random.rand(784).astype("float32")
x = pixels.reshape(784, 1)
digit = model.predict(x, verbose=0).argmax()
