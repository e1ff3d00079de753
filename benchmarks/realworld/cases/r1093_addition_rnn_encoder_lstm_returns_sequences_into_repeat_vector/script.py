import numpy as np
import keras
from keras import layers

DIGITS = 3
MAXLEN = DIGITS + 1 + DIGITS
chars = "0123456789+ "
char_to_idx = {c: i for i, c in enumerate(chars)}


def encode(text, num_rows):
    x = np.zeros((num_rows, len(chars)), dtype="float32")
    for i, c in enumerate(text):
        x[i, char_to_idx[c]] = 1.0
    return x


rng = np.random.default_rng(1)
questions, answers = [], []
for _ in range(200):
    a, b = rng.integers(0, 1000, size=2)
    q = f"{a}+{b}"
    questions.append(q + " " * (MAXLEN - len(q)))
    ans = str(a + b)
    answers.append(ans + " " * (DIGITS + 1 - len(ans)))

x = np.stack([encode(q, MAXLEN) for q in questions])
y = np.stack([encode(s, DIGITS + 1) for s in answers])
print("Questions:", x.shape, "Answers:", y.shape)

model = keras.Sequential()
model.add(layers.Input((MAXLEN, len(chars))))
model.add(layers.LSTM(128, return_sequences=True))
model.add(layers.RepeatVector(DIGITS + 1))
model.add(layers.LSTM(128, return_sequences=True))
model.add(layers.Dense(len(chars), activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.summary()

model.fit(x, y, batch_size=32, epochs=1, validation_split=0.1)
preds = np.argmax(model.predict(x[:3], verbose=0), axis=-1)
print(["".join(chars[i] for i in row) for row in preds])
