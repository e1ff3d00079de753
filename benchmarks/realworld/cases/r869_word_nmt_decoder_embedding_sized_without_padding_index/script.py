# Word-level English -> Marathi seq2seq translator (encoder-decoder LSTM with teacher
# forcing). Index 0 is kept for padding, so the word indices start at 1.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(869)
eng_vocab = [f"en{i}" for i in range(30)]
mar_vocab = [f"mr{i}" for i in range(25)]
pairs = []
for _ in range(120):
    src = list(rng.choice(eng_vocab, size=rng.integers(3, 7)))
    tgt = ["START_"] + list(rng.choice(mar_vocab, size=rng.integers(3, 7))) + ["_END"]
    pairs.append((src, tgt))

input_words = sorted(set(w for s, _ in pairs for w in s))
target_words = sorted(set(w for _, t in pairs for w in t))
input_token_index = {w: i + 1 for i, w in enumerate(input_words)}
target_token_index = {w: i + 1 for i, w in enumerate(target_words)}
num_encoder_tokens = len(input_words) + 1
num_decoder_tokens = len(target_words)
max_src = max(len(s) for s, _ in pairs)
max_tgt = max(len(t) for _, t in pairs)

encoder_input_data = np.zeros((len(pairs), max_src), dtype="int32")
decoder_input_data = np.zeros((len(pairs), max_tgt), dtype="int32")
decoder_target_data = np.zeros((len(pairs), max_tgt), dtype="int32")
for i, (src, tgt) in enumerate(pairs):
    for t, w in enumerate(src):
        encoder_input_data[i, t] = input_token_index[w]
    for t, w in enumerate(tgt):
        decoder_input_data[i, t] = target_token_index[w]
        if t > 0:
            decoder_target_data[i, t - 1] = target_token_index[w]

latent_dim = 32
encoder_inputs = keras.Input(shape=(None,))
enc_emb = layers.Embedding(num_encoder_tokens, latent_dim, mask_zero=True)(encoder_inputs)
_, state_h, state_c = layers.LSTM(latent_dim, return_state=True)(enc_emb)
decoder_inputs = keras.Input(shape=(None,))
dec_emb = layers.Embedding(num_decoder_tokens, latent_dim, mask_zero=True)(decoder_inputs)
dec_out, _, _ = layers.LSTM(latent_dim, return_sequences=True, return_state=True)(
    dec_emb, initial_state=[state_h, state_c])
decoder_outputs = layers.Dense(num_decoder_tokens, activation="softmax")(dec_out)
model = keras.Model([encoder_inputs, decoder_inputs], decoder_outputs)
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["acc"])

model.fit([encoder_input_data, decoder_input_data], decoder_target_data,
          batch_size=32, epochs=2, verbose=0)
print("trained on", len(pairs), "sentence pairs")
