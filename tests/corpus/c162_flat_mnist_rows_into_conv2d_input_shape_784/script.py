import numpy as np
import keras
from keras import layers

# MNIST digits read from a CSV: one row of 784 pixels per image.
x_train = np.random.rand(64, 784).astype("float32")
y_train = np.random.randint(0, 10, size=(64,))

model = keras.Sequential()
model.add(layers.Conv2D(32, (3, 3), activation="relu", input_shape=(784,)))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Flatten())
model.add(layers.Dense(10, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, batch_size=16, verbose=0)
