import numpy as np
from tensorflow.keras.layers import LSTM, Bidirectional, Concatenate, Dense, Input
from tensorflow.keras.models import Model

n_units = 8
n_input = 1
n_output = 1

# encoder: a bidirectional LSTM whose forward and backward states are joined
encoder_inputs = Input(shape=(None, n_input))
encoder = Bidirectional(LSTM(n_units, return_state=True))
encoder_outputs, forward_h, forward_c, backward_h, backward_c = encoder(encoder_inputs)
state_h = Concatenate()([forward_h, backward_h])
state_c = Concatenate()([forward_c, backward_c])
encoder_states = [state_h, state_c]

# decoder, started from the encoder's states
decoder_inputs = Input(shape=(None, n_output))
decoder_lstm = LSTM(n_units, return_sequences=True, return_state=True)
decoder_outputs, _, _ = decoder_lstm(decoder_inputs, initial_state=encoder_states)
decoder_dense = Dense(n_output, activation="linear")
decoder_outputs = decoder_dense(decoder_outputs)
model = Model([encoder_inputs, decoder_inputs], decoder_outputs)
model.compile(optimizer="adam", loss="mse")

source = np.random.rand(32, 10, n_input).astype("float32")
target_in = np.random.rand(32, 5, n_output).astype("float32")
target_out = np.random.rand(32, 5, n_output).astype("float32")
model.fit([source, target_in], target_out, batch_size=8, epochs=1, verbose=0)
