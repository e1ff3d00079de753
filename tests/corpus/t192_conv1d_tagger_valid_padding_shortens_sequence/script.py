import numpy as np
import keras
from keras import layers

# Convolutional sequence tagger: one of 7 tags for every token of a padded 30-token sentence.
maxlen, vocab, n_tags = 30, 500, 7
Xtrain = np.random.randint(1, vocab, size=(64, maxlen))
ytrain = np.random.randint(0, n_tags, size=(64, maxlen))

model = keras.Sequential()
model.add(keras.Input(shape=(maxlen,)))
model.add(layers.Embedding(vocab, 32))
model.add(layers.Conv1D(filters=32, kernel_size=5, padding="same", activation="relu"))
model.add(layers.Conv1D(filters=32, kernel_size=5, activation="relu"))
model.add(layers.Conv1D(filters=32, kernel_size=5, padding="same", activation="relu"))
model.add(layers.TimeDistributed(layers.Dense(n_tags, activation="softmax")))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(Xtrain, ytrain, batch_size=16, epochs=1, verbose=0)
