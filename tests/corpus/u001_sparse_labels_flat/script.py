import numpy as np
import keras
from keras import layers

# Integer class ids (N,) with sparse categorical cross-entropy.
x_train = np.random.rand(64, 64).astype("float32")
y_train = np.random.randint(0, 10, size=(64,))

model = keras.Sequential()
model.add(keras.Input(shape=(64,)))
model.add(layers.Dense(32, activation="relu"))
model.add(layers.Dense(10, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, batch_size=16, verbose=0)
print(model.evaluate(x_train, y_train, verbose=0))
