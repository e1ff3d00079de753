import numpy as np
import keras
from keras import layers

# two views of the same object: a coarse and a fine grayscale crop
visible1 = keras.Input(shape=(64, 64, 1))
conv11 = layers.Conv2D(32, kernel_size=4, activation="relu")(visible1)
pool11 = layers.MaxPooling2D(pool_size=(2, 2))(conv11)
conv12 = layers.Conv2D(16, kernel_size=4, activation="relu")(pool11)
pool12 = layers.MaxPooling2D(pool_size=(2, 2))(conv12)

visible2 = keras.Input(shape=(64, 64, 1))
conv21 = layers.Conv2D(32, kernel_size=8, activation="relu")(visible2)
pool21 = layers.MaxPooling2D(pool_size=(2, 2))(conv21)
conv22 = layers.Conv2D(16, kernel_size=8, activation="relu")(pool21)
pool22 = layers.MaxPooling2D(pool_size=(2, 2))(conv22)

merge = layers.concatenate([pool12, pool22])
flat = layers.Flatten()(merge)
hidden1 = layers.Dense(10, activation="relu")(flat)
hidden2 = layers.Dense(10, activation="relu")(hidden1)
output = layers.Dense(1, activation="sigmoid")(hidden2)
model = keras.Model(inputs=[visible1, visible2], outputs=output)
model.summary()

rng = np.random.default_rng(11)
a = rng.random((24, 64, 64, 1)).astype("float32")
b = rng.random((24, 64, 64, 1)).astype("float32")
labels = rng.integers(0, 2, size=(24, 1)).astype("float32")
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit([a, b], labels, epochs=1, batch_size=8, verbose=0)
print(model.predict([a[:2], b[:2]], verbose=0).ravel())
