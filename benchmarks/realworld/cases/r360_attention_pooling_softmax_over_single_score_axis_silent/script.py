"""Attention-RNN document classifier: a BiLSTM reads the tokens, a one-unit
Dense layer scores every step, and the softmax-normalised scores weight the
steps into one document vector."""
import numpy as np
import keras
from keras import layers, ops

vocab_size, max_len, n_classes = 500, 40, 4
rng = np.random.default_rng(12)
x = rng.integers(1, vocab_size, size=(256, max_len))
y = rng.integers(0, n_classes, size=(256,))

tokens = keras.Input(shape=(max_len,), dtype="int32")
emb = layers.Embedding(vocab_size, 32)(tokens)
rnn_outputs = layers.Bidirectional(layers.LSTM(32, return_sequences=True))(emb)   # (None, 40, 64)

scores = layers.Dense(1, activation="tanh")(rnn_outputs)                          # (None, 40, 1)
attention_score = layers.Softmax()(scores)
weighted = layers.Multiply()([rnn_outputs, attention_score])
attention_out = layers.Lambda(lambda t: ops.sum(t, axis=1))(weighted)             # (None, 64)

logits = layers.Dense(n_classes)(attention_out)
model = keras.Model(tokens, logits)
model.compile(optimizer="adam",
              loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])
model.fit(x, y, batch_size=32, epochs=2, verbose=0)
print("weights of the first document:", keras.Model(tokens, attention_score).predict(x[:1], verbose=0)[0, :5, 0])
