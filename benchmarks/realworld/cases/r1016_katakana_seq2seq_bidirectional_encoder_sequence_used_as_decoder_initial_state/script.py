import numpy as np
import keras
from keras.layers import Input, Embedding, LSTM, Bidirectional, TimeDistributed, Dense
from keras.models import Model

rng = np.random.default_rng(16)
input_length, output_length = 20, 20
input_dict_size, output_dict_size = 30, 40
UNITS = 64

# romaji -> katakana character ids (0 = padding, 1 = start)
x_enc = rng.integers(2, input_dict_size, size=(256, input_length))
y_chars = rng.integers(2, output_dict_size, size=(256, output_length))
x_dec = np.concatenate([np.ones((256, 1), dtype=int), y_chars[:, :-1]], axis=1)
y_onehot = keras.utils.to_categorical(y_chars, output_dict_size)

encoder_input = Input(shape=(input_length,))
decoder_input = Input(shape=(output_length,))

encoder = Embedding(input_dict_size, 64, mask_zero=True)(encoder_input)
encoder = Bidirectional(LSTM(UNITS, return_sequences=True))(encoder)

decoder = Embedding(output_dict_size, 64, mask_zero=True)(decoder_input)
decoder = LSTM(UNITS * 2, return_sequences=True)(decoder, initial_state=[encoder, encoder])
decoder = TimeDistributed(Dense(output_dict_size, activation="softmax"))(decoder)

model = Model(inputs=[encoder_input, decoder_input], outputs=[decoder])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit([x_enc, x_dec], y_onehot, batch_size=64, epochs=1, verbose=0)
print("trained", model.output_shape)
