import numpy as np
import keras
from keras import layers

# Part-of-speech tagger: one of 12 tags for every word of a padded 25-word sentence.
max_words, vocab_size, n_tags = 25, 800, 12
sentences = np.random.randint(1, vocab_size, size=(48, max_words))
tags = np.random.randint(0, n_tags, size=(48, max_words))

model = keras.Sequential()
model.add(keras.Input(shape=(max_words,)))
model.add(layers.Embedding(vocab_size, 32))
model.add(layers.LSTM(64, return_sequences=True))
model.add(layers.Flatten())
model.add(layers.Dense(n_tags, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(sentences, tags, epochs=1, batch_size=16, verbose=0)
