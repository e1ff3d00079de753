import numpy as np
import keras
from keras import layers

n_in, n_out, n_features = 9, 5, 1
inputs = keras.Input(shape=(n_in, n_features))
encoded = layers.LSTM(100, activation="relu", return_sequences=True)(inputs)
repeated = layers.RepeatVector(n_out)(encoded)
decoded = layers.LSTM(100, activation="relu", return_sequences=True)(repeated)
outputs = layers.TimeDistributed(layers.Dense(1))(decoded)
model = keras.Model(inputs, outputs)
