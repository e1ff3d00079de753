import numpy as np
import keras
from keras import layers

# small book-like corpus, lower-cased; character-level next-character model
raw_text = ("alice was beginning to get very tired of sitting by her sister on the bank, "
            "and of having nothing to do: once or twice she had peeped into the book her sister was reading. ") * 4
chars = sorted(set(raw_text))
char_to_int = {c: i for i, c in enumerate(chars)}
int_to_char = {i: c for c, i in char_to_int.items()}
n_chars, n_vocab = len(raw_text), len(chars)

seq_length = 100
dataX, dataY = [], []
for i in range(0, n_chars - seq_length):
    dataX.append([char_to_int[c] for c in raw_text[i:i + seq_length]])
    dataY.append(char_to_int[raw_text[i + seq_length]])
n_patterns = len(dataX)

X = np.reshape(dataX, (n_patterns, 1, seq_length))
X = X / float(n_vocab)
y = keras.utils.to_categorical(dataY, num_classes=n_vocab)

model = keras.Sequential([
    keras.Input(shape=(X.shape[1], X.shape[2])),
    layers.LSTM(64),
    layers.Dropout(0.2),
    layers.Dense(y.shape[1], activation="softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(X, y, epochs=1, batch_size=64, verbose=0)

# generate characters from a seed pattern
pattern = list(dataX[7])
generated = []
for _ in range(20):
    x = np.reshape(pattern, (1, len(pattern), 1)) / float(n_vocab)
    index = int(np.argmax(model.predict(x, verbose=0)))
    generated.append(int_to_char[index])
    pattern = pattern[1:] + [index]
print("generated:", "".join(generated))
