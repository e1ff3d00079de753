import numpy as np
import keras
from keras import layers

frames_per_file, coeffs, n_words = 36, 13, 8
units = 24

gen = np.random.default_rng(164)
train_feats = gen.normal(size=(96, frames_per_file, coeffs)).astype("float32")
train_onehot = keras.utils.to_categorical(gen.integers(0, n_words, size=96), n_words)
test_feats = gen.normal(size=(24, frames_per_file, coeffs)).astype("float32")
test_onehot = keras.utils.to_categorical(gen.integers(0, n_words, size=24), n_words)

recognizer = keras.Sequential([
    keras.Input(shape=(frames_per_file, coeffs)),
    layers.LSTM(units, return_sequences=True),
    layers.LSTM(units),
    layers.Dense(n_words),
    layers.Activation("softmax"),
])
recognizer.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.SGD(0.02), metrics=["accuracy"])
recognizer.fit(train_feats, train_onehot, batch_size=8, epochs=1, verbose=0)
print("word probabilities per file:", recognizer.predict(test_feats, verbose=0).shape)
print("test loss / accuracy:", recognizer.evaluate(test_feats, test_onehot, verbose=0))
