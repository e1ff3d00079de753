import numpy as np
import keras
from keras import layers, ops

VOCAB = 300
MAXLEN = 20
N = 64

# Support-ticket urgency classifier: padded token ids (0 = padding) -> BiLSTM ->
# attention pooling over the time steps -> urgent / not urgent.
rng = np.random.default_rng(5)
lengths = rng.integers(5, MAXLEN + 1, size=N)
tickets = np.zeros((N, MAXLEN), dtype="int32")
for i, n in enumerate(lengths):
    tickets[i, :n] = rng.integers(1, VOCAB, size=n)
urgent = rng.integers(0, 2, size=(N, 1)).astype("float32")

tokens = keras.Input(shape=(MAXLEN,), dtype="int32", name="tokens")
pad_mask = ops.not_equal(tokens, 0)

h = layers.Embedding(VOCAB, 16)(tokens)
h = layers.Bidirectional(layers.LSTM(16, return_sequences=True))(h)

scores = layers.Dense(1)(h)
weights = layers.Softmax(axis=1)(scores, mask=pad_mask)
context = layers.Lambda(lambda t: ops.sum(t[0] * t[1], axis=1))([weights, h])

x = layers.Dense(16, activation="relu")(context)
out = layers.Dense(1, activation="sigmoid")(x)

model = keras.Model(tokens, out)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(tickets, urgent, epochs=2, batch_size=16, verbose=2)
print("urgency of the first tickets:", model.predict(tickets[:3], verbose=0).ravel())
