"""Real-vs-fake discriminator on CIFAR-10-like 32x32 colour images.

A helper from the Theano days converts image batches to channels-last
before they are handed to Keras."""
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(5)
# keras.datasets.cifar10 already returns channels-last arrays (N, 32, 32, 3)
xtrain = rng.random((128, 32, 32, 3)).astype("float32")
ytrain = rng.integers(0, 2, size=(128, 1)).astype("float32")
xtest = rng.random((32, 32, 32, 3)).astype("float32")
ytest = rng.integers(0, 2, size=(32, 1)).astype("float32")


def dim_ordering_fix(x):
    # (N, C, H, W) -> (N, H, W, C)
    return np.transpose(x, (0, 2, 3, 1))


discriminator = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(32, 3, strides=2, padding="same"),
    layers.LeakyReLU(0.2),
    layers.Conv2D(64, 3, strides=2, padding="same"),
    layers.LeakyReLU(0.2),
    layers.Flatten(),
    layers.Dense(1, activation="sigmoid"),
])
discriminator.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])

history = discriminator.fit(dim_ordering_fix(xtrain), ytrain,
                            validation_data=(dim_ordering_fix(xtest), ytest),
                            batch_size=32, epochs=2, verbose=0)
