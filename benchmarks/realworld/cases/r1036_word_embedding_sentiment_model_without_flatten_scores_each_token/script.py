import numpy as np
import keras
from keras import layers

docs = ["Well done!", "Good work", "Great effort", "nice work", "Excellent!",
        "Weak", "Poor effort!", "not good", "poor work", "Could have done better."]
labels = np.array([1, 1, 1, 1, 1, 0, 0, 0, 0, 0])

vocab_size = 50


def one_hot(text, n):
    words = text.lower().replace("!", "").replace(".", "").split()
    return [sum(ord(c) for c in w) % (n - 1) + 1 for w in words]


encoded_docs = [one_hot(d, vocab_size) for d in docs]
max_length = 4
padded_docs = keras.utils.pad_sequences(encoded_docs, maxlen=max_length, padding="post")

model = keras.Sequential()
model.add(keras.Input(shape=(max_length,)))
model.add(layers.Embedding(vocab_size, 8))
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.summary()
model.fit(padded_docs, labels, epochs=2, verbose=0)
loss, accuracy = model.evaluate(padded_docs, labels, verbose=0)
print("Accuracy: %f" % (accuracy * 100))
