import numpy as np
import keras
from keras import layers

batch_size, maxlen, feature_dim = 25, 200, 64
max_features, embedding_size = 1000, 32
# Every sample is already a sequence of 200 steps, each a 64-dimensional float vector
x_train = np.random.rand(100, maxlen, feature_dim).astype("float32")
y_train = np.random.rand(100, 1).astype("float32")

inputs = keras.Input(batch_shape=(batch_size, maxlen, feature_dim))
x = layers.Embedding(max_features, embedding_size)(inputs)
x = layers.LSTM(50, return_sequences=True, stateful=True)(x)
x = layers.LSTM(50, return_sequences=False, stateful=True)(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
model.compile(loss="mse", optimizer="rmsprop")
model.fit(x_train, y_train, batch_size=batch_size, epochs=1, shuffle=False, verbose=0)
