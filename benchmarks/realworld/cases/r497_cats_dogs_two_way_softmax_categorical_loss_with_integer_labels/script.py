# Cats (0) vs dogs (1) from flattened 50x50 grayscale thumbnails with a small MLP.
import numpy as np
import keras
from keras import layers

img_size = 50
rng = np.random.default_rng(13820)
images = rng.random((400, img_size, img_size)).astype("float32")
labels = rng.integers(0, 2, size=400)  # 0 = cat, 1 = dog

X = images.reshape(-1, img_size * img_size)
y = np.array(labels, dtype="int64")

model = keras.Sequential()
model.add(keras.Input(shape=(img_size * img_size,)))
model.add(layers.Dense(128, activation="relu"))
model.add(layers.Dropout(0.3))
model.add(layers.Dense(2, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])

model.fit(X, y, epochs=3, batch_size=32, validation_split=0.1, verbose=0)
print(model.evaluate(X, y, verbose=0))
