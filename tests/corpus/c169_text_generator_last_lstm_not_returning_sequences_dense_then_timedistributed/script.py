import numpy as np
import keras
from keras import layers

vocab_size = 50
hidden_size = 64
tokens = np.random.randint(0, vocab_size, size=(32, 15))
next_tokens = np.random.randint(0, vocab_size, size=(32, 15))

model = keras.Sequential()
model.add(layers.Input(shape=(15,)))
model.add(layers.Embedding(vocab_size, 32))
model.add(layers.LSTM(hidden_size, return_sequences=True))
model.add(layers.Dropout(0.2))
model.add(layers.LSTM(hidden_size))
model.add(layers.Dropout(0.2))
model.add(layers.Dense(hidden_size, activation="relu"))
model.add(layers.TimeDistributed(layers.Dense(vocab_size, activation="softmax")))
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy")
model.fit(tokens, next_tokens, epochs=1, batch_size=8, verbose=0)
