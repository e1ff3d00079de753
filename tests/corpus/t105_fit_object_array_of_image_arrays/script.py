import numpy as np
import keras
from keras import layers

# Images stored in an object array, one (16, 16, 3) array per cell.
rng = np.random.default_rng(1)
train_images = np.empty(48, dtype=object)
for i in range(48):
    train_images[i] = rng.random((16, 16, 3)).astype("float32")
train_labels = rng.integers(0, 2, size=(48,))

model = keras.Sequential([
    keras.Input(shape=(16, 16, 3)),
    layers.Conv2D(8, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(train_images, train_labels, epochs=1, batch_size=16, verbose=0)
