# English-to-Spanish style encoder-decoder with Luong attention (Hands-On ML
# chapter 16 style): bidirectional LSTM encoder, its concatenated states start a
# 2x wider LSTM decoder, and the decoder attends over the encoder outputs.
import numpy as np
import tensorflow as tf

vocab_size = 200
max_length = 10
embed_size = 32
units = 48

rng = np.random.default_rng(702)
src_tokens = rng.integers(1, vocab_size, size=(48, max_length))
tgt_in_tokens = rng.integers(1, vocab_size, size=(48, max_length))
tgt_out_tokens = rng.integers(1, vocab_size, size=(48, max_length))

enc_ids = tf.keras.Input(shape=(max_length,), dtype="int32")
dec_ids = tf.keras.Input(shape=(max_length,), dtype="int32")
enc_emb = tf.keras.layers.Embedding(vocab_size, embed_size, mask_zero=True)(enc_ids)
dec_emb = tf.keras.layers.Embedding(vocab_size, embed_size, mask_zero=True)(dec_ids)

bi_encoder = tf.keras.layers.Bidirectional(tf.keras.layers.LSTM(units, return_state=True))
enc_seq, fwd_h, fwd_c, bwd_h, bwd_c = bi_encoder(enc_emb)
enc_state = [tf.keras.layers.Concatenate()([fwd_h, bwd_h]),
             tf.keras.layers.Concatenate()([fwd_c, bwd_c])]
dec_seq = tf.keras.layers.LSTM(2 * units, return_sequences=True)(dec_emb, initial_state=enc_state)
context = tf.keras.layers.Attention()([dec_seq, enc_seq])
next_word = tf.keras.layers.Dense(vocab_size, activation="softmax")(context)

translator = tf.keras.Model([enc_ids, dec_ids], next_word)
translator.compile(loss="sparse_categorical_crossentropy", optimizer="nadam", metrics=["accuracy"])
history = translator.fit((src_tokens, tgt_in_tokens), tgt_out_tokens, epochs=1, batch_size=16, verbose=0)
print(history.history["loss"])
