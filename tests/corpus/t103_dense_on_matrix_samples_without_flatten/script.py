import numpy as np
import keras
from keras import layers

# Each sample is a 3x2 matrix of readings; four classes, one-hot.
x = np.random.rand(48, 3, 2).astype("float32")
y = keras.utils.to_categorical(np.random.randint(0, 4, size=(48,)), num_classes=4)

model = keras.Sequential()
model.add(keras.Input(shape=(3, 2)))
model.add(layers.Dense(16))
model.add(layers.Activation("relu"))
model.add(layers.Dense(4, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="sgd")
model.fit(x, y, epochs=1, batch_size=16, verbose=0)
