# MNIST-style multilayer perceptron on flattened 28x28 digits (port of an R keras network).
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(2)
train_images = rng.random((600, 28, 28), dtype=np.float32)
train_labels = rng.integers(0, 10, size=600)

train_images = train_images.reshape((600, 28 * 28))
train_labels = keras.utils.to_categorical(train_labels, 10)

network = keras.Sequential([
    layers.Dense(512, activation="relu", input_shape=(28 + 28,)),
    layers.Dense(10, activation="softmax"),
])
network.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])

network.fit(train_images, train_labels, epochs=2, batch_size=128, verbose=0)
print(network.evaluate(train_images, train_labels, verbose=0))
