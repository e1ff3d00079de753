import numpy as np
import keras
from keras import layers

# Part-of-speech tagging: padded sentences of 15 word ids, one tag id (0..7) per word.
sentences = np.random.randint(1, 300, size=(64, 15))
tags = np.random.randint(0, 8, size=(64, 15))

model = keras.Sequential()
model.add(keras.Input(shape=(15,)))
model.add(layers.Embedding(300, 24, mask_zero=True))
model.add(layers.LSTM(32, return_sequences=True))
model.add(layers.TimeDistributed(layers.Dense(8, activation="softmax")))
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(sentences, tags, epochs=1, batch_size=16, verbose=0)
