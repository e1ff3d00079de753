import numpy as np
from keras.models import Sequential
from keras.layers import Input, Embedding, Bidirectional, LSTM, Dense

# Part-of-speech tagging: one tag (of 12) per token, sentences padded to 30 tokens.
sentences = np.random.randint(1, 500, size=(64, 30))
tags = np.random.randint(0, 12, size=(64, 30))

model = Sequential()
model.add(Input(shape=(30,)))
model.add(Embedding(500, 32))
model.add(Bidirectional(LSTM(32)))
model.add(Dense(12, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(sentences, tags, epochs=1, batch_size=16, verbose=0)
