import numpy as np
import keras
from keras import layers

maxlen = 9
n_chars = 15

# Character sequences in, character sequences out (one-hot, same length).
X = np.eye(n_chars)[np.random.randint(0, n_chars, size=(100, maxlen))].astype("float32")
Y = np.eye(n_chars)[np.random.randint(0, n_chars, size=(100, maxlen))].astype("float32")

model = keras.Sequential()
model.add(keras.Input(shape=(maxlen, n_chars)))
model.add(layers.LSTM(128))
model.add(layers.Dropout(0.2))
model.add(layers.Dense(n_chars))
model.add(layers.Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="rmsprop")
model.fit(X, Y, batch_size=20, epochs=1, verbose=0)
