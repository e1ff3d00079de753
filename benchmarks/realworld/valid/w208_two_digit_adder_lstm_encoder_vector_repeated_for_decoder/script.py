import numpy as np
import keras
from keras import layers

N_DIGITS = 2
QUESTION_LEN = N_DIGITS + 1 + N_DIGITS
ANSWER_LEN = N_DIGITS + 1
vocab = "0123456789+ "
lookup = {ch: k for k, ch in enumerate(vocab)}


def one_hot(text, length):
    out = np.zeros((length, len(vocab)), dtype="float32")
    for pos, ch in enumerate(text):
        out[pos, lookup[ch]] = 1.0
    return out


gen = np.random.default_rng(11)
pairs = gen.integers(0, 100, size=(240, 2))
questions = [f"{a}+{b}".ljust(QUESTION_LEN) for a, b in pairs]
answers = [str(a + b).ljust(ANSWER_LEN) for a, b in pairs]
# reverse the question strings, as in the seq2seq addition paper
x_q = np.stack([one_hot(q[::-1], QUESTION_LEN) for q in questions])
y_a = np.stack([one_hot(s, ANSWER_LEN) for s in answers])
print("questions", x_q.shape, "answers", y_a.shape)

adder = keras.Sequential(
    [
        layers.Input((QUESTION_LEN, len(vocab))),
        layers.LSTM(64),
        layers.RepeatVector(ANSWER_LEN),
        layers.LSTM(64, return_sequences=True),
        layers.Dense(len(vocab), activation="softmax"),
    ]
)
adder.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
adder.fit(x_q, y_a, batch_size=48, epochs=2, validation_split=0.2, verbose=2)
guess = adder.predict(x_q[:4], verbose=0).argmax(axis=-1)
for q, row in zip(questions[:4], guess):
    print(q.strip(), "=", "".join(vocab[k] for k in row).strip())
