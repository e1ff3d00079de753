# Romaji-to-katakana transliterator: a bidirectional LSTM encoder summarises the Latin
# characters into one (2 * UNITS) vector, which initialises both states of a decoder LSTM
# with 2 * UNITS units that reads the shifted katakana characters (teacher forcing).
import numpy as np
import keras
from keras import layers

SRC_LEN, TGT_LEN = 16, 16
SRC_VOCAB, TGT_VOCAB = 28, 80
UNITS = 32

gen = np.random.default_rng(149)
romaji = gen.integers(1, SRC_VOCAB, size=(96, SRC_LEN))
kana = gen.integers(1, TGT_VOCAB, size=(96, TGT_LEN + 1))
kana_in, kana_out = kana[:, :-1], kana[:, 1:]

src = keras.Input(shape=(SRC_LEN,), name="romaji")
tgt = keras.Input(shape=(TGT_LEN,), name="kana_shifted")
enc = layers.Embedding(SRC_VOCAB, 48, mask_zero=True)(src)
enc = layers.Bidirectional(layers.LSTM(UNITS))(enc)
dec = layers.Embedding(TGT_VOCAB, 48, mask_zero=True)(tgt)
dec = layers.LSTM(UNITS * 2, return_sequences=True)(dec, initial_state=[enc, enc])
probs = layers.Dense(TGT_VOCAB, activation="softmax")(dec)

translit = keras.Model([src, tgt], probs)
translit.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
translit.fit([romaji, kana_in], kana_out, batch_size=24, epochs=1, verbose=0)
print(translit.predict([romaji[:3], kana_in[:3]], verbose=0).shape)
