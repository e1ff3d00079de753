import numpy as np
import keras
from keras import layers

# LSTM sequence autoencoder: reconstruct 20-step sequences of 3 features.
seqs = np.random.rand(64, 20, 3).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(20, 3)),
    layers.LSTM(32),
    layers.RepeatVector(20),
    layers.LSTM(32),
    layers.Dense(3),
])
model.compile(optimizer="adam", loss="mse")
model.fit(seqs, seqs, epochs=1, batch_size=16, verbose=0)
