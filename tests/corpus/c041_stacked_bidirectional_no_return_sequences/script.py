import numpy as np
import keras
from keras import layers

# Two stacked bidirectional LSTMs over (5 steps, 10 features) sequences.
model = keras.Sequential()
model.add(keras.Input(shape=(5, 10)))
model.add(layers.Bidirectional(layers.LSTM(64)))
model.add(layers.Bidirectional(layers.LSTM(32)))
model.add(layers.Dense(10))
model.summary()
