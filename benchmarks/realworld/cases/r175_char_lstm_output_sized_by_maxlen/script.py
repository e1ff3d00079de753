import numpy as np
import keras
from keras import layers

text = "the quick brown fox jumps over the lazy dog " * 20
chars = sorted(list(set(text)))
char_indices = dict((c, i) for i, c in enumerate(chars))
maxlen = 20
sentences, next_chars = [], []
for i in range(0, len(text) - maxlen, 3):
    sentences.append(text[i : i + maxlen])
    next_chars.append(text[i + maxlen])
x = np.zeros((len(sentences), maxlen, len(chars)), dtype="bool")
y = np.zeros((len(sentences), len(chars)), dtype="bool")
for i, sentence in enumerate(sentences):
    for t, char in enumerate(sentence):
        x[i, t, char_indices[char]] = 1
    y[i, char_indices[next_chars[i]]] = 1

model = keras.Sequential([
    keras.Input(shape=(maxlen, len(chars))),
    layers.LSTM(32),
    layers.Dense(maxlen, activation="softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.RMSprop(learning_rate=0.01))
model.fit(x, y, batch_size=64, epochs=1, verbose=0)
