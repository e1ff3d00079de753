# Paraphrase generator in the style of an LSTM VAE: the original sentence and its
# paraphrase (token ids, padded to MAX_WORDS) share one word embedding; both are
# encoded by LSTMs, merged, squeezed into a latent vector and decoded back into the
# paraphrase's tokens.
import numpy as np
import keras
from keras import layers, ops

MAX_WORDS = 30
VOCAB = 60
HIDDEN = 32
LATENT = 16

rng = np.random.default_rng(7)
originals = rng.integers(1, VOCAB, size=(64, MAX_WORDS))
paraphrases = rng.integers(1, VOCAB, size=(64, MAX_WORDS))


class Sampling(layers.Layer):
    def call(self, inputs):
        z_mean, z_log_var = inputs
        noise = keras.random.normal(ops.shape(z_mean))
        return z_mean + ops.exp(0.5 * z_log_var) * noise


orig_in = keras.Input(shape=(MAX_WORDS,), dtype="int32", name="original")
para_in = keras.Input(shape=(MAX_WORDS,), dtype="int32", name="paraphrase")
word_embedding = layers.Embedding(MAX_WORDS, VOCAB + 1)
orig_seq = layers.LSTM(HIDDEN, return_sequences=True)(word_embedding(orig_in))
para_seq = word_embedding(para_in)
merged = layers.Concatenate(axis=-1)([orig_seq, para_seq])
h = layers.LSTM(HIDDEN, return_sequences=True)(merged)
z_mean = layers.LSTM(LATENT)(h)
z_log_var = layers.LSTM(LATENT)(h)
z = Sampling()([z_mean, z_log_var])
dec = layers.RepeatVector(MAX_WORDS)(z)
dec = layers.Concatenate(axis=-1)([dec, orig_seq])
dec = layers.LSTM(HIDDEN, return_sequences=True)(dec)
token_probs = layers.Dense(VOCAB + 1, activation="softmax")(dec)

paraphraser = keras.Model([orig_in, para_in], token_probs)
paraphraser.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy")
paraphraser.fit([originals, paraphrases], paraphrases, batch_size=16, epochs=1, verbose=0)
print(paraphraser.predict([originals[:2], paraphrases[:2]], verbose=0).argmax(-1)[:, :8])
