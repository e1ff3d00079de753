import numpy as np
import keras
from keras import layers

# Two-class sequence classification: one one-hot label per run of 60 steps x 19 sensors.
train_x = np.random.rand(32, 60, 19).astype("float32")
train_y = keras.utils.to_categorical(np.random.randint(0, 2, size=(32,)), 2)

model = keras.Sequential()
model.add(keras.Input(shape=(60, 19)))
model.add(layers.LSTM(24, return_sequences=True))
model.add(layers.TimeDistributed(layers.Dense(1)))
model.add(layers.AveragePooling1D(pool_size=2))
model.add(layers.Dense(2, activation="softmax"))
model.compile(optimizer="rmsprop", loss="categorical_crossentropy")
model.fit(train_x, train_y, epochs=1, batch_size=16, verbose=0)
