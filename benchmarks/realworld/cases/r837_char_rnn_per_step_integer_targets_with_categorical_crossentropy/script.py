import numpy as np
import keras
from keras import layers

seq_len, n_chars = 10, 30
rng = np.random.default_rng(3336)

# 100 sentences of 10 characters; the target is the next character at every step
sentences = rng.integers(0, n_chars, size=(100, seq_len + 1))
x_train = keras.utils.to_categorical(sentences[:, :-1], n_chars)
y_train = sentences[:, 1:]
print("x_train", x_train.shape, "y_train", y_train.shape)

char_rnn = keras.Sequential([
    keras.Input(shape=(seq_len, n_chars)),
    layers.LSTM(64, return_sequences=True),
    layers.Dense(n_chars, activation="softmax"),
])
char_rnn.compile(optimizer="adam", loss="categorical_crossentropy")
char_rnn.fit(x_train, y_train, batch_size=16, epochs=1, verbose=0)
print("next-char distributions:", char_rnn.predict(x_train[:2], verbose=0).shape)
