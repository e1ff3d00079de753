import numpy as np
import keras
from keras import layers

# every training sample is a 48 x 13 matrix (48 readings of 13 sensors)
rows, cols = 48, 13
rng = np.random.default_rng(10725)
x_train = rng.normal(size=(120, rows, cols)).astype("float32")
y_train = rng.integers(0, 2, size=(120, 1)).astype("float32")

model = keras.Sequential()
model.add(keras.Input(shape=(rows, cols)))
model.add(layers.Conv2D(16, (3, 3), activation="relu"))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Flatten())
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=20, epochs=1, verbose=0)
print("trained")
