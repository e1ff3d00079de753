import numpy as np
import keras
from keras import layers

# MNIST-like split: 600 training and 100 test digits.
x_train = np.random.rand(600, 28, 28).astype("float32")
y_train = np.random.randint(0, 10, size=(600,))
x_test = np.random.rand(100, 28, 28).astype("float32")
y_test = np.random.randint(0, 10, size=(100,))

model = keras.Sequential([
    keras.Input(shape=(28, 28)),
    layers.Flatten(),
    layers.Dense(128, activation="relu"),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_test, epochs=1, batch_size=32, verbose=0)
