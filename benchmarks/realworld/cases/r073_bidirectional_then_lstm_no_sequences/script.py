import numpy as np
from keras.models import Model
from keras.layers import Input, Bidirectional, LSTM, Dense

time_steps, vector_size = 30, 16
inputs = Input(shape=(time_steps, vector_size))
x = Bidirectional(LSTM(64))(inputs)
x = LSTM(32)(x)
outputs = Dense(1, activation="sigmoid")(x)
model = Model(inputs, outputs)
