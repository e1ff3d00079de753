import numpy as np
import keras
from keras import layers

vocab_size = 500
maxlen = 40
# Reviews as padded sequences of word indices, then one-hot encoded "to feed the network"
sequences = np.random.randint(1, vocab_size, size=(120, maxlen))
x_train = keras.utils.to_categorical(sequences, num_classes=vocab_size)
y_train = np.random.randint(0, 2, size=(120,)).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(maxlen,)),
    layers.Embedding(vocab_size, 32),
    layers.LSTM(32),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=32, epochs=1, verbose=0)
