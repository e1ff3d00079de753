# Character-level transliteration of English names into katakana with an encoder-decoder:
# the encoder reads the Latin characters, its final state initialises the decoder, which
# is fed the katakana characters shifted by one (teacher forcing). The encoder was made
# bidirectional, so the decoder LSTM gets twice the units to match the joined state.
import numpy as np
import keras
from keras import layers

IN_LEN, OUT_LEN = 20, 20
IN_VOCAB, OUT_VOCAB = 30, 90
UNITS = 64

rng = np.random.default_rng(2018)
names = rng.integers(1, IN_VOCAB, size=(128, IN_LEN))
katakana = rng.integers(1, OUT_VOCAB, size=(128, OUT_LEN + 1))
decoder_in, decoder_target = katakana[:, :-1], katakana[:, 1:]

encoder_input = keras.Input(shape=(IN_LEN,))
decoder_input = keras.Input(shape=(OUT_LEN,))

encoder = layers.Embedding(IN_VOCAB, 64, mask_zero=True)(encoder_input)
encoder = layers.Bidirectional(layers.LSTM(UNITS, return_sequences=True))(encoder)

decoder = layers.Embedding(OUT_VOCAB, 64, mask_zero=True)(decoder_input)
decoder = layers.LSTM(UNITS * 2, return_sequences=True)(decoder, initial_state=[encoder, encoder])
decoder = layers.TimeDistributed(layers.Dense(OUT_VOCAB, activation="softmax"))(decoder)

model = keras.Model(inputs=[encoder_input, decoder_input], outputs=[decoder])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit([names, decoder_in], decoder_target, batch_size=32, epochs=1, verbose=0)
print(model.predict([names[:2], decoder_in[:2]], verbose=0).argmax(-1)[:, :5])
