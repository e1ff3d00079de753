# English -> Spanish encoder-decoder: bidirectional LSTM encoder whose states initialise an LSTM decoder.
import numpy as np
import tensorflow as tf
import keras

vocab_size = 1000
max_length = 50
embed_size = 128
rng = np.random.default_rng(13)
X_train = rng.integers(1, vocab_size, size=(200, max_length))
X_train_dec = rng.integers(1, vocab_size, size=(200, max_length))
Y_train = rng.integers(1, vocab_size, size=(200, max_length))

encoder_inputs = keras.Input(shape=(max_length,), dtype="int64")
decoder_inputs = keras.Input(shape=(max_length,), dtype="int64")
encoder_embedding_layer = keras.layers.Embedding(vocab_size, embed_size, mask_zero=True)
decoder_embedding_layer = keras.layers.Embedding(vocab_size, embed_size, mask_zero=True)
encoder_embeddings = encoder_embedding_layer(encoder_inputs)
decoder_embeddings = decoder_embedding_layer(decoder_inputs)

encoder = keras.layers.Bidirectional(keras.layers.LSTM(256, return_state=True))
encoder_outputs, *encoder_state = encoder(encoder_embeddings)
encoder_state = [keras.ops.concatenate(encoder_state[::2], axis=-1),  # short-term (0 & 2)
                 keras.ops.concatenate(encoder_state[1::2], axis=-1)]  # long-term (1 & 3)

decoder = keras.layers.LSTM(256, return_sequences=True)
decoder_outputs = decoder(decoder_embeddings, initial_state=encoder_state)
output_layer = keras.layers.Dense(vocab_size, activation="softmax")
Y_proba = output_layer(decoder_outputs)

model = keras.Model(inputs=[encoder_inputs, decoder_inputs], outputs=[Y_proba])
model.compile(loss="sparse_categorical_crossentropy", optimizer="nadam", metrics=["accuracy"])
model.fit((X_train, X_train_dec), Y_train, epochs=1, batch_size=32, verbose=0)
print(model.predict((X_train[:2], X_train_dec[:2]), verbose=0).shape)
