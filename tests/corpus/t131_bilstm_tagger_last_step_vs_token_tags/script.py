import numpy as np
import keras
from keras import layers

max_len = 20
vocab_size = 300
num_tags = 5

words = np.random.randint(1, vocab_size, size=(16, max_len))
tags = np.random.randint(0, num_tags, size=(16, max_len))

inputs = keras.Input(shape=(max_len,))
x = layers.Embedding(vocab_size, 32)(inputs)
x = layers.Bidirectional(layers.LSTM(32))(x)
x = layers.Dropout(0.2)(x)
outputs = layers.Dense(num_tags, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(words, tags, epochs=1, batch_size=8, verbose=0)
