import numpy as np
import keras
from keras import layers

# Context vectors (4 words x 300 dims) predicting the id of the next word.
rng = np.random.default_rng(1)
contexts = rng.random((96, 1200)).astype("float32")
next_word = rng.integers(0, 50, size=(96,))


def training_pairs(x, y):
    while True:
        for i in range(len(x)):
            yield x[i], y[i]


model = keras.Sequential([
    keras.Input(shape=(1200,)),
    layers.Dense(100, activation="tanh"),
    layers.Dense(50, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(training_pairs(contexts, next_word), steps_per_epoch=12, epochs=1, verbose=0)
