import numpy as np
import keras
from keras import layers

# LSTM autoencoder for rare-event detection: windows of 5 days of 8 sensor readings, rebuilt from a code.
timesteps, n_features = 5, 8
X_train = np.random.rand(48, timesteps, n_features).astype("float32")

lstm_autoencoder = keras.Sequential()
lstm_autoencoder.add(keras.Input(shape=(timesteps, n_features)))
lstm_autoencoder.add(layers.LSTM(16, activation="relu"))
lstm_autoencoder.add(layers.RepeatVector(timesteps))
lstm_autoencoder.add(layers.LSTM(16, activation="relu", return_sequences=True))
lstm_autoencoder.add(layers.TimeDistributed(layers.Dense(timesteps)))
lstm_autoencoder.compile(optimizer="adam", loss="mse")
lstm_autoencoder.fit(X_train, X_train, epochs=1, batch_size=16, verbose=0)
