# Deep temporal clustering on one long multichannel recording: a temporal autoencoder
# (Conv1D + max-pooling over time + bidirectional LSTMs, then upsampling back) is
# pretrained on the recording, and its latent sequence is later clustered. The model is
# built for the whole recording: 240 time steps of 6 sensor channels.
import numpy as np
import keras
from keras import layers

TIMESTEPS, N_CHANNELS = 240, 6
POOL_SIZE = 8

series_in = keras.Input(shape=(TIMESTEPS, N_CHANNELS))
h = layers.Conv1D(32, 9, padding="same")(series_in)
h = layers.LeakyReLU()(h)
h = layers.MaxPooling1D(POOL_SIZE)(h)
h = layers.Bidirectional(layers.LSTM(16, return_sequences=True), merge_mode="sum")(h)
latent = layers.Bidirectional(layers.LSTM(2, return_sequences=True), merge_mode="sum")(h)
d = layers.UpSampling1D(POOL_SIZE)(latent)
reconstruction = layers.Conv1DTranspose(N_CHANNELS, 9, padding="same")(d)
autoencoder = keras.Model(series_in, reconstruction)
autoencoder.compile(optimizer="adam", loss="mse")

rng = np.random.default_rng(21)
recording = np.cumsum(rng.normal(size=(TIMESTEPS, N_CHANNELS)), axis=0).astype("float32")
recording = (recording - recording.mean(axis=0)) / recording.std(axis=0)
X = recording.reshape(TIMESTEPS, 1, N_CHANNELS)

autoencoder.fit(X, X, batch_size=1, epochs=3, verbose=0)
encoder = keras.Model(series_in, latent)
print("latent sequence:", encoder.predict(X, verbose=0).shape)
