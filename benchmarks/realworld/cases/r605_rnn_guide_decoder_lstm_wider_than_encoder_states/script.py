# Encoder-decoder with LSTMs: the encoder returns its final hidden and cell states,
# which initialise the decoder LSTM; a Dense layer classifies the decoder's output.
import numpy as np
import keras
from keras import layers

encoder_vocab = 1000
decoder_vocab = 2000

encoder_input = layers.Input(shape=(None,))
encoder_embedded = layers.Embedding(input_dim=encoder_vocab, output_dim=64)(encoder_input)
output, state_h, state_c = layers.LSTM(64, return_state=True, name="encoder")(encoder_embedded)
encoder_state = [state_h, state_c]

decoder_input = layers.Input(shape=(None,))
decoder_embedded = layers.Embedding(input_dim=decoder_vocab, output_dim=64)(decoder_input)
decoder_output = layers.LSTM(128, name="decoder")(decoder_embedded, initial_state=encoder_state)
output = layers.Dense(10)(decoder_output)
model = keras.Model([encoder_input, decoder_input], output)

rng = np.random.default_rng(0)
src = rng.integers(0, encoder_vocab, size=(32, 12))
tgt = rng.integers(0, decoder_vocab, size=(32, 9))
labels = rng.integers(0, 10, size=32)
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit([src, tgt], labels, batch_size=8, epochs=1, verbose=0)
