# Character-level "calculator": each sample is an arithmetic statement such as "37*4" and
# the target is its result ("148"), both written with the characters 0-9 + - / * and a
# space, padded to MAXLEN and one-hot encoded per position. The network is the
# text-generation LSTM (one LSTM, a Dense over the character set, softmax) trained to
# emit one character distribution per position.
import operator
import numpy as np
import keras
from keras import layers

CHARS = "0123456789+-/* "
MAXLEN = 9
char_index = {c: i for i, c in enumerate(CHARS)}
ops_table = {"+": operator.add, "-": operator.sub, "*": operator.mul}

rng = np.random.default_rng(3105)
statements, results = [], []
for _ in range(200):
    a, b = rng.integers(0, 100, size=2)
    op = "+-*"[rng.integers(0, 3)]
    statements.append(f"{a}{op}{b}".ljust(MAXLEN))
    results.append(str(ops_table[op](int(a), int(b))).ljust(MAXLEN))


def one_hot(texts):
    arr = np.zeros((len(texts), MAXLEN, len(CHARS)), dtype="float32")
    for i, text in enumerate(texts):
        for t, ch in enumerate(text):
            arr[i, t, char_index[ch]] = 1.0
    return arr


X, y = one_hot(statements), one_hot(results)

model = keras.Sequential([
    keras.Input(shape=(MAXLEN, len(CHARS))),
    layers.LSTM(128),
    layers.Dense(len(CHARS)),
    layers.Activation("softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer="rmsprop")
model.fit(X, y, batch_size=32, epochs=2, verbose=0)
pred = model.predict(X[:1], verbose=0)
print("".join(CHARS[i] for i in pred.argmax(-1).ravel()))
