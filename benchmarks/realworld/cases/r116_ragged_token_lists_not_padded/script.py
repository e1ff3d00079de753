import numpy as np
import keras
from keras import layers

vocab_size = 200
sentences = [[int(t) for t in np.random.randint(1, vocab_size, size=np.random.randint(3, 20))] for _ in range(60)]
labels = np.random.randint(0, 2, size=(60,))

model = keras.Sequential()
model.add(keras.Input(shape=(None,), dtype="int32"))
model.add(layers.Embedding(vocab_size, 16))
model.add(layers.LSTM(16))
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(sentences, labels, epochs=1, batch_size=10, verbose=0)
