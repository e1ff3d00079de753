import numpy as np
import keras
from keras.layers import LSTM, Bidirectional, Input, Concatenate, Dense
from keras.models import Model

# toy sequence task: read 6 values, emit the same 6 values reversed
rng = np.random.default_rng(3)
n_units = 8
n_input = 1
n_output = 1
src = rng.random((64, 6, n_input)).astype("float32")
tgt = src[:, ::-1, :]
dec_in = np.concatenate([np.zeros((64, 1, n_output), "float32"), tgt[:, :-1, :]], axis=1)

# encoder: the two directions' states are concatenated (2 * n_units wide)
encoder_inputs = Input(shape=(None, n_input))
encoder = Bidirectional(LSTM(n_units, return_state=True))
encoder_outputs, forward_h, forward_c, backward_h, backward_c = encoder(encoder_inputs)
state_h = Concatenate()([forward_h, backward_h])
state_c = Concatenate()([forward_c, backward_c])
encoder_states = [state_h, state_c]

# training decoder, as wide as the concatenated states
decoder_inputs = Input(shape=(None, n_output))
decoder_lstm = LSTM(n_units * 2, return_sequences=True, return_state=True)
decoder_outputs, _, _ = decoder_lstm(decoder_inputs, initial_state=encoder_states)
decoder_dense = Dense(n_output)
decoder_outputs = decoder_dense(decoder_outputs)
model = Model([encoder_inputs, decoder_inputs], decoder_outputs)
model.compile(optimizer="adam", loss="mse")
model.fit([src, dec_in], tgt, epochs=1, batch_size=16, verbose=0)

# inference models
encoder_model = Model(encoder_inputs, encoder_states)
decoder_state_input_h = Input(shape=(n_units,))
decoder_state_input_c = Input(shape=(n_units,))
decoder_states_inputs = [decoder_state_input_h, decoder_state_input_c]
decoder_outputs, state_h, state_c = decoder_lstm(decoder_inputs, initial_state=decoder_states_inputs)
decoder_states = [state_h, state_c]
decoder_outputs = decoder_dense(decoder_outputs)
decoder_model = Model([decoder_inputs] + decoder_states_inputs, [decoder_outputs] + decoder_states)

# greedy decoding of one sequence
h, c = encoder_model.predict(src[:1], verbose=0)
step = np.zeros((1, 1, n_output), "float32")
result = []
for _ in range(6):
    yhat, h, c = decoder_model.predict([step, h, c], verbose=0)
    result.append(float(yhat[0, 0, 0]))
    step = yhat
print("decoded", np.round(result, 2))
