import numpy as np
import keras
from keras import layers

# Next-character model laid out like the keras-io character-level text generation example.
text = "the quick brown fox jumps over the lazy dog " * 20
chars = sorted(set(text))
char_indices = {c: i for i, c in enumerate(chars)}
maxlen = 10
sentences = [text[i:i + maxlen] for i in range(0, len(text) - maxlen, 3)]
next_chars = [text[i + maxlen] for i in range(0, len(text) - maxlen, 3)]
x = np.array([[char_indices[c] for c in s] for s in sentences])
y = np.array([char_indices[c] for c in next_chars])

model = keras.Sequential([
    keras.Input(shape=(maxlen, len(chars))),
    layers.LSTM(32),
    layers.Dense(len(chars), activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x, y, epochs=1, batch_size=32, verbose=0)
