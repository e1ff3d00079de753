import numpy as np
import keras
from keras import layers

# A CSV with 3 feature columns and the label in the 4th column.
dataset = np.random.rand(60, 4).astype("float32")
dataset[:, 3] = np.random.randint(0, 3, size=60)
x = dataset[:, 0:3]
y = dataset[:, 3]

model = keras.Sequential()
model.add(keras.Input(shape=(4,)))
model.add(layers.Dense(8, activation="relu"))
model.add(layers.Dense(3, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x, y, epochs=1, batch_size=16, verbose=0)
