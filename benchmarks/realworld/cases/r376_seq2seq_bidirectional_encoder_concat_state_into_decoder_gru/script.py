# English-to-Spanish GRU seq2seq: a bidirectional GRU encoder whose final
# state initialises the decoder GRU, after Deep Learning with Python,
# chapter 15 ("Sequence-to-sequence learning with RNNs").
import numpy as np
import keras
from keras import layers

vocab_size = 500
sequence_length = 12
embed_dim = 32
hidden_dim = 64

source = keras.Input(shape=(None,), dtype="int32", name="english")
x = layers.Embedding(vocab_size, embed_dim, mask_zero=True)(source)
rnn_layer = layers.GRU(hidden_dim)
rnn_layer = layers.Bidirectional(rnn_layer)
encoder_output = rnn_layer(x)

target = keras.Input(shape=(None,), dtype="int32", name="spanish")
x = layers.Embedding(vocab_size, embed_dim, mask_zero=True)(target)
rnn_layer = layers.GRU(hidden_dim, return_sequences=True)
x = rnn_layer(x, initial_state=encoder_output)
x = layers.Dropout(0.5)(x)
target_predictions = layers.Dense(vocab_size, activation="softmax")(x)
seq2seq_rnn = keras.Model([source, target], target_predictions)

seq2seq_rnn.compile(
    optimizer="adam",
    loss="sparse_categorical_crossentropy",
    weighted_metrics=["accuracy"],
)
rng = np.random.default_rng(5)
english = rng.integers(1, vocab_size, size=(64, sequence_length))
spanish = rng.integers(1, vocab_size, size=(64, sequence_length + 1))
seq2seq_rnn.fit(
    {"english": english, "spanish": spanish[:, :-1]},
    spanish[:, 1:],
    epochs=1,
    batch_size=16,
)
