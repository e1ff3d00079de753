import numpy as np
import keras
from keras import layers

# Character-level translation trained with teacher forcing: one-hot source and target characters.
num_encoder_tokens, num_decoder_tokens, latent_dim = 30, 42, 64
src_ids = np.random.randint(0, num_encoder_tokens, size=(32, 12))
tgt_ids = np.random.randint(0, num_decoder_tokens, size=(32, 14))
encoder_input_data = np.eye(num_encoder_tokens, dtype="float32")[src_ids]
decoder_input_data = np.eye(num_decoder_tokens, dtype="float32")[tgt_ids]
decoder_target_data = np.roll(decoder_input_data, -1, axis=1)

encoder_inputs = keras.Input(shape=(None, num_encoder_tokens))
encoder = layers.LSTM(latent_dim, return_state=True)
encoder_outputs, state_h, state_c = encoder(encoder_inputs)
decoder_inputs = keras.Input(shape=(None, num_decoder_tokens))
decoder_lstm = layers.LSTM(latent_dim, return_sequences=True, return_state=True)
decoder_outputs, _, _ = decoder_lstm(decoder_inputs, initial_state=[state_h, state_c])
decoder_dense = layers.Dense(num_encoder_tokens, activation="softmax")
decoder_outputs = decoder_dense(decoder_outputs)
model = keras.Model([encoder_inputs, decoder_inputs], decoder_outputs)
model.compile(optimizer="rmsprop", loss="categorical_crossentropy")
model.fit([encoder_input_data, decoder_input_data], decoder_target_data, batch_size=16, epochs=1, verbose=0)
