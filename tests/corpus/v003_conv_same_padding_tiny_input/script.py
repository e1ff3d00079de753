import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

# 4x4 board, many 3x3 convolutions: fine thanks to padding="same".
model = keras.Sequential()
model.add(keras.Input(shape=(4, 4, 2)))
model.add(layers.Conv2D(32, 3, padding="same", activation="relu"))
model.add(layers.Conv2D(32, 3, padding="same", activation="relu"))
model.add(layers.Conv2D(32, 3, padding="same", activation="relu"))
model.add(layers.Conv2D(32, 3, padding="same", activation="relu"))
model.add(layers.Flatten())
model.add(layers.Dense(4, activation="softmax"))
print(model.predict(np.random.rand(3, 4, 4, 2), verbose=0).shape)
