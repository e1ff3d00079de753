import numpy as np
import keras
from keras import layers

# Per-step tagging of 30-step sequences, but the LSTM returns only its last step.
inputs = keras.Input(shape=(30, 8))
x = layers.LSTM(64)(inputs)
x = layers.TimeDistributed(layers.Dense(5, activation="softmax"))(x)
model = keras.Model(inputs, x)
model.summary()
