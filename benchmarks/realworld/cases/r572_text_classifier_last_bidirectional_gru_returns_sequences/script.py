# Intent classifier for short user utterances: token ids -> embedding -> stacked
# bidirectional GRUs -> softmax over the intents, one integer intent per utterance.
import numpy as np
import keras
from keras import layers

vocab_size = 500
seq_len = 24
n_intents = 6

tokens = keras.Input(shape=(seq_len,), dtype="int32")
rnn = layers.Embedding(vocab_size, 32)(tokens)
rnn = layers.Bidirectional(layers.GRU(32, return_sequences=True))(rnn)
rnn = layers.Bidirectional(layers.GRU(64, return_sequences=True))(rnn)
intent = layers.Dense(n_intents, activation="softmax")(rnn)
model = keras.Model(tokens, intent)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

rng = np.random.default_rng(11749)
utterances = rng.integers(1, vocab_size, size=(160, seq_len))
intents = rng.integers(0, n_intents, size=160)
model.fit(utterances, intents, batch_size=16, epochs=1, validation_split=0.25, verbose=0)
