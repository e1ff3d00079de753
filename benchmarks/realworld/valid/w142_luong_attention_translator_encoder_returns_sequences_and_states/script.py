# Sequence-to-sequence translator with Luong-style dot-product attention: a
# bidirectional LSTM encoder returns its per-step outputs and its final states;
# the concatenated states start a 2x wider decoder LSTM that attends over the
# encoder outputs at every target step.
import numpy as np
import keras
from keras import layers

SRC_VOCAB, TGT_VOCAB = 150, 180
SRC_LEN, TGT_LEN = 9, 11
EMB, HID = 24, 40

gen = np.random.default_rng(142)
src = gen.integers(1, SRC_VOCAB, size=(60, SRC_LEN))
tgt = gen.integers(1, TGT_VOCAB, size=(60, TGT_LEN + 1))

src_in = keras.Input(shape=(SRC_LEN,), dtype="int32", name="source")
tgt_in = keras.Input(shape=(TGT_LEN,), dtype="int32", name="target_in")
src_vec = layers.Embedding(SRC_VOCAB, EMB, mask_zero=True)(src_in)
tgt_vec = layers.Embedding(TGT_VOCAB, EMB, mask_zero=True)(tgt_in)

enc = layers.Bidirectional(layers.LSTM(HID, return_sequences=True, return_state=True))
enc_steps, h_f, c_f, h_b, c_b = enc(src_vec)
start_state = [layers.Concatenate()([h_f, h_b]), layers.Concatenate()([c_f, c_b])]
dec_steps = layers.LSTM(2 * HID, return_sequences=True)(tgt_vec, initial_state=start_state)
attended = layers.Attention()([dec_steps, enc_steps])
word_probs = layers.Dense(TGT_VOCAB, activation="softmax")(layers.Concatenate()([dec_steps, attended]))

seq2seq = keras.Model([src_in, tgt_in], word_probs)
seq2seq.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
seq2seq.fit({"source": src, "target_in": tgt[:, :-1]}, tgt[:, 1:], batch_size=12, epochs=1, verbose=0)
print(enc_steps.shape, seq2seq.predict({"source": src[:2], "target_in": tgt[:2, :-1]}, verbose=0).shape)
