import numpy as np
import keras

num_encoder_tokens = 20
num_decoder_tokens = 24
max_encoder_seq_length = 9
max_decoder_seq_length = 11
latent_dim = 32
n = 48
encoder_input_data = np.zeros((n, max_encoder_seq_length, num_encoder_tokens), dtype="float32")
decoder_input_data = np.zeros((n, max_decoder_seq_length, num_decoder_tokens), dtype="float32")
decoder_target_data = np.zeros((n, max_encoder_seq_length, num_decoder_tokens), dtype="float32")
for i in range(n):
    encoder_input_data[i, np.arange(max_encoder_seq_length), np.random.randint(0, num_encoder_tokens, max_encoder_seq_length)] = 1.0
    decoder_input_data[i, np.arange(max_decoder_seq_length), np.random.randint(0, num_decoder_tokens, max_decoder_seq_length)] = 1.0
    decoder_target_data[i, np.arange(decoder_target_data.shape[1]), np.random.randint(0, num_decoder_tokens, decoder_target_data.shape[1])] = 1.0

encoder_inputs = keras.Input(shape=(None, num_encoder_tokens))
encoder_outputs, state_h, state_c = keras.layers.LSTM(latent_dim, return_state=True)(encoder_inputs)
decoder_inputs = keras.Input(shape=(None, num_decoder_tokens))
decoder_lstm = keras.layers.LSTM(latent_dim, return_sequences=True, return_state=True)
decoder_outputs, _, _ = decoder_lstm(decoder_inputs, initial_state=[state_h, state_c])
decoder_outputs = keras.layers.Dense(num_decoder_tokens, activation="softmax")(decoder_outputs)
model = keras.Model([encoder_inputs, decoder_inputs], decoder_outputs)
model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit([encoder_input_data, decoder_input_data], decoder_target_data, batch_size=16, epochs=1, verbose=0)
