import numpy as np
import keras
from keras import layers

# Movie reviews as padded word ids (length 40); sentiment label 0/1.
vocab_size = 500
x_train = np.random.randint(1, vocab_size, size=(64, 40))
y_train = np.random.randint(0, 2, size=(64,))

model = keras.Sequential()
model.add(keras.Input(shape=(40,)))
model.add(layers.Embedding(vocab_size, 16))
model.add(layers.Dense(16, activation="relu"))
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, batch_size=16, verbose=0)
