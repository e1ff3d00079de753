import numpy as np
from keras.layers import Input, LSTM, Dense
from keras.models import Model

# 1200 sequences of 10 steps with 5 features, reconstructed by an autoencoder.
sequences = np.random.rand(120, 10, 5).astype("float32")

inpE = Input((10, 5))
encoded = LSTM(units=20, return_sequences=False)(inpE)
decoded = LSTM(5, return_sequences=True)(encoded)
autoencoder = Model(inpE, decoded)
autoencoder.compile(optimizer="adam", loss="mse")
autoencoder.fit(sequences, sequences, epochs=1, batch_size=24, verbose=0)
