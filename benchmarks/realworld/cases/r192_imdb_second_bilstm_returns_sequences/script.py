import numpy as np
import keras
from keras import layers

max_features = 2000  # only consider the top 2k words
maxlen = 40  # only consider the first 40 words of each review

# Input for variable-length sequences of integers
inputs = keras.Input(shape=(None,), dtype="int32")
# Embed each integer in a 32-dimensional vector
x = layers.Embedding(max_features, 32)(inputs)
# Add 2 bidirectional LSTMs
x = layers.Bidirectional(layers.LSTM(16, return_sequences=True))(x)
x = layers.Bidirectional(layers.LSTM(16, return_sequences=True))(x)
# Add a classifier
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)

x_train = [list(np.random.randint(1, max_features, size=np.random.randint(5, 60))) for _ in range(64)]
y_train = np.random.randint(0, 2, size=64)
x_train = keras.utils.pad_sequences(x_train, maxlen=maxlen)

model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=16, epochs=1, verbose=0)
