# Character-level seq2seq that rewrites spelled-out dates ("march 3 2021") into ISO digits.
# The encoder is a bidirectional LSTM whose final forward and backward states are joined
# and handed to the LSTM decoder as its initial state (teacher forcing during training).
import numpy as np
import keras
from keras import layers

SRC_VOCAB = 40
TGT_VOCAB = 14
SRC_LEN = 18
TGT_LEN = 11
HIDDEN = 48

rng = np.random.default_rng(20)
src_chars = rng.integers(1, SRC_VOCAB, size=(96, SRC_LEN))
tgt_in = rng.integers(1, TGT_VOCAB, size=(96, TGT_LEN))
tgt_out = np.roll(tgt_in, -1, axis=1)

source = keras.Input(shape=(SRC_LEN,), name="source")
src_emb = layers.Embedding(SRC_VOCAB, 24)(source)
_, fwd_h, fwd_c, bwd_h, bwd_c = layers.Bidirectional(
    layers.LSTM(HIDDEN, return_state=True))(src_emb)
enc_h = layers.Concatenate()([fwd_h, bwd_h])
enc_c = layers.Concatenate()([fwd_c, bwd_c])

shifted = keras.Input(shape=(TGT_LEN,), name="shifted_target")
tgt_emb = layers.Embedding(TGT_VOCAB, 24)(shifted)
dec_seq = layers.LSTM(HIDDEN, return_sequences=True)(tgt_emb, initial_state=[enc_h, enc_c])
digit_probs = layers.Dense(TGT_VOCAB, activation="softmax")(dec_seq)

translator = keras.Model([source, shifted], digit_probs)
translator.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
translator.fit([src_chars, tgt_in], tgt_out, batch_size=16, epochs=2, verbose=0)
print(translator.predict([src_chars[:2], tgt_in[:2]], verbose=0).shape)
