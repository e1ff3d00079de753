import numpy as np
import keras
from keras import layers

max_text_len, max_summary_len, latent_dim = 30, 8, 64
x_voc, y_voc, n = 200, 60, 160
rng = np.random.default_rng(8)
keras.utils.set_random_seed(8)
x_tr = rng.integers(1, x_voc, size=(n, max_text_len))
y_tr = np.concatenate([np.full((n, 1), 1), rng.integers(3, y_voc, size=(n, max_summary_len - 2)),
                       np.full((n, 1), 2)], axis=1)  # 1 = sostok, 2 = eostok

# training model: LSTM encoder, LSTM decoder with attention over the encoder outputs
encoder_inputs = keras.Input(shape=(max_text_len,))
enc_emb = layers.Embedding(x_voc, latent_dim)(encoder_inputs)
encoder_outputs, state_h, state_c = layers.LSTM(latent_dim, return_sequences=True, return_state=True)(enc_emb)
decoder_inputs = keras.Input(shape=(None,))
dec_emb_layer = layers.Embedding(y_voc, latent_dim)
decoder_lstm = layers.LSTM(latent_dim, return_sequences=True, return_state=True)
decoder_outputs, _, _ = decoder_lstm(dec_emb_layer(decoder_inputs), initial_state=[state_h, state_c])
attn_layer = layers.AdditiveAttention(name="attention_layer")
attn_out = attn_layer([decoder_outputs, encoder_outputs])
decoder_dense = layers.TimeDistributed(layers.Dense(y_voc, activation="softmax"))
decoder_outputs = decoder_dense(layers.Concatenate(axis=-1)([decoder_outputs, attn_out]))
model = keras.Model([encoder_inputs, decoder_inputs], decoder_outputs)
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy")
model.fit([x_tr, y_tr[:, :-1]], y_tr.reshape(n, max_summary_len, 1)[:, 1:], batch_size=32, epochs=1, verbose=0)

# inference models
encoder_model = keras.Model(encoder_inputs, [encoder_outputs, state_h, state_c])
decoder_state_input_h = keras.Input(shape=(latent_dim,))
decoder_state_input_c = keras.Input(shape=(latent_dim,))
decoder_hidden_state_input = keras.Input(shape=(max_summary_len, latent_dim))
decoder_outputs2, state_h2, state_c2 = decoder_lstm(dec_emb_layer(decoder_inputs),
                                                    initial_state=[decoder_state_input_h, decoder_state_input_c])
attn_out_inf = attn_layer([decoder_outputs2, decoder_hidden_state_input])
decoder_outputs2 = decoder_dense(layers.Concatenate(axis=-1)([decoder_outputs2, attn_out_inf]))
decoder_model = keras.Model([decoder_inputs, decoder_hidden_state_input, decoder_state_input_h, decoder_state_input_c],
                            [decoder_outputs2, state_h2, state_c2])


def decode_sequence(input_seq):
    e_out, e_h, e_c = encoder_model.predict(input_seq, verbose=0)
    target_seq = np.array([[1]])
    decoded = []
    for _ in range(max_summary_len - 1):
        output_tokens, h, c = decoder_model.predict([target_seq, e_out, e_h, e_c], verbose=0)
        sampled = int(np.argmax(output_tokens[0, -1, :]))
        if sampled == 2:
            break
        decoded.append(sampled)
        target_seq, e_h, e_c = np.array([[sampled]]), h, c
    return decoded


print("summary token ids:", decode_sequence(x_tr[:1]))
