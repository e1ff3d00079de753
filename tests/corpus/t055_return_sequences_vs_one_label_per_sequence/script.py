import numpy as np
import keras
from keras import layers

# Sequence classification: 50 time steps of 8 features, one of 11 classes per sequence.
x_train = np.random.rand(60, 50, 8).astype("float32")
y_train = keras.utils.to_categorical(np.random.randint(0, 11, size=(60,)), 11)

model = keras.Sequential()
model.add(keras.Input(shape=(50, 8)))
model.add(layers.LSTM(32, return_sequences=True))
model.add(layers.Activation("sigmoid"))
model.add(layers.Dropout(0.2))
model.add(layers.TimeDistributed(layers.Dense(11)))
model.add(layers.Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="rmsprop")
model.fit(x_train, y_train, batch_size=20, epochs=1, verbose=0)
