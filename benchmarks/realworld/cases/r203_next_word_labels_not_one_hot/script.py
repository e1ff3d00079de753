import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Embedding, Bidirectional, LSTM, Dense

num = 50        # vocabulary size
max_len = 11    # longest sentence; the last word is the target

# n-gram sequences of word ids: all words but the last are the input, the last word is the label
sequences = np.random.randint(1, num, size=(120, max_len))
X = sequences[:, :-1]
Y = sequences[:, -1:]

model = tf.keras.Sequential()
model.add(Embedding(num, 64))
model.add(Bidirectional(LSTM(32)))
model.add(Dense(num, activation="softmax"))

model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
history = model.fit(X, Y, epochs=1, verbose=0)
