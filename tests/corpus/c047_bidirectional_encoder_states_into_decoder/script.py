import numpy as np
import keras
from keras import layers

# Character-level translation: bidirectional encoder, teacher-forced decoder.
num_encoder_tokens = 20
num_decoder_tokens = 24
latent_dim = 64

encoder_inputs = keras.Input(shape=(None, num_encoder_tokens))
encoder = layers.Bidirectional(layers.LSTM(latent_dim, return_state=True))
_, fwd_h, fwd_c, bwd_h, bwd_c = encoder(encoder_inputs)
state_h = layers.Concatenate()([fwd_h, bwd_h])
state_c = layers.Concatenate()([fwd_c, bwd_c])

decoder_inputs = keras.Input(shape=(None, num_decoder_tokens))
decoder_lstm = layers.LSTM(latent_dim, return_sequences=True)
decoder_outputs = decoder_lstm(decoder_inputs, initial_state=[state_h, state_c])
decoder_dense = layers.Dense(num_decoder_tokens, activation="softmax")
decoder_outputs = decoder_dense(decoder_outputs)

model = keras.Model([encoder_inputs, decoder_inputs], decoder_outputs)
model.compile(optimizer="rmsprop", loss="categorical_crossentropy")
enc = np.random.rand(16, 12, num_encoder_tokens).astype("float32")
dec = np.random.rand(16, 10, num_decoder_tokens).astype("float32")
target = np.random.rand(16, 10, num_decoder_tokens).astype("float32")
model.fit([enc, dec], target, batch_size=8, epochs=1, verbose=0)
