# GRU encoder-decoder translating token sequences (random stand-in sentence pairs).
import numpy as np
import keras
from keras import layers

vocab_size = 200
sequence_length = 12
embed_dim = 32
latent_dim = 64
rng = np.random.default_rng(4)
source_tokens = rng.integers(1, vocab_size, size=(256, sequence_length))
target_tokens = rng.integers(1, vocab_size, size=(256, sequence_length + 1))
past_target_tokens = target_tokens[:, :-1]
next_target_tokens = target_tokens[:, 1:]

source = keras.Input(shape=(None,), dtype="int64", name="english")
x = layers.Embedding(vocab_size, embed_dim, mask_zero=True)(source)
encoded_source = layers.Bidirectional(layers.GRU(latent_dim), merge_mode="sum")(x)

past_target = keras.Input(shape=(None,), dtype="int64", name="spanish")
x = layers.Embedding(vocab_size, embed_dim, mask_zero=True)(past_target)
decoder_gru = layers.GRU(latent_dim)
x = decoder_gru(x, initial_state=encoded_source)
x = layers.Dropout(0.5)(x)
target_next_step = layers.Dense(vocab_size, activation="softmax")(x)
seq2seq_rnn = keras.Model([source, past_target], target_next_step)

seq2seq_rnn.compile(optimizer="rmsprop",
                    loss="sparse_categorical_crossentropy",
                    metrics=["accuracy"])
seq2seq_rnn.fit([source_tokens, past_target_tokens], next_target_tokens,
                epochs=1, batch_size=64)
