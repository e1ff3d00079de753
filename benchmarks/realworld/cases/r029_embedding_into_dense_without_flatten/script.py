import numpy as np
from keras.models import Sequential
from keras.layers import Input, Embedding, Dense
from keras.utils import pad_sequences

docs = [[3, 7], [12, 4], [9, 30], [5, 21], [40], [8], [33, 6], [2, 18], [26, 14], [11, 19, 44, 1]]
labels = np.array([1, 1, 1, 1, 1, 0, 0, 0, 0, 0])
padded_docs = pad_sequences(docs, maxlen=4, padding="post")

model = Sequential()
model.add(Input(shape=(4,)))
model.add(Embedding(50, 8))
model.add(Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(padded_docs, labels, epochs=1, verbose=0)
