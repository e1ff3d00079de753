"""Where's-Waldo style segmenter: a small fully convolutional net whose output is
reshaped to one row per pixel, (H * W, 2), followed by a per-pixel softmax."""
import numpy as np
import keras
from keras import layers

H, W, N = 32, 32, 48
rng = np.random.default_rng(3)


def make_batch(n):
    images = rng.random((n, H, W, 3)).astype("float32")
    masks = np.zeros((n, H, W), dtype="int64")
    for i in range(n):
        r, c = rng.integers(0, H - 6, size=2)
        masks[i, r:r + 6, c:c + 6] = 1  # the small object to find
    y = keras.utils.to_categorical(masks, 2)
    return images, y


x_train, y_train = make_batch(N)

inp = keras.Input(shape=(H, W, 3))
x = layers.Conv2D(16, 3, padding="same", activation="relu")(inp)
x = layers.MaxPooling2D()(x)
x = layers.Conv2D(32, 3, padding="same", activation="relu")(x)
x = layers.UpSampling2D()(x)
x = layers.Conv2D(2, 1)(x)
x = layers.Reshape((H * W, 2))(x)
out = layers.Activation("softmax")(x)
model = keras.Model(inp, out)

model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=8, epochs=2, verbose=0)
