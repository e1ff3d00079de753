import numpy as np
from keras.models import Sequential
from keras.layers import Input, Reshape, Conv2D, Flatten, Dense

# Pixels stored as flat rows of 784 values.
x_train = np.random.rand(100, 784).astype("float32")
y_train = np.random.randint(0, 10, size=(100,))

model = Sequential()
model.add(Input(shape=(784,)))
model.add(Reshape((28, 28)))
model.add(Conv2D(32, (3, 3), activation="relu"))
model.add(Flatten())
model.add(Dense(10, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, epochs=1, batch_size=20, verbose=0)
