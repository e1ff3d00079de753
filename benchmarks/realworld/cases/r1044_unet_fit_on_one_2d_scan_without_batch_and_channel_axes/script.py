import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(138)
size = 64

scan = rng.random((size, size)).astype("float32")
mask = (scan > 0.6).astype("float32")


def down(t, f):
    t = layers.Conv2D(f, 3, padding="same", activation="relu")(t)
    return t, layers.MaxPooling2D()(t)


def up(t, skip, f):
    t = layers.UpSampling2D()(t)
    t = layers.Concatenate()([t, skip])
    return layers.Conv2D(f, 3, padding="same", activation="relu")(t)


image = keras.Input(shape=(size, size, 1))
s1, p1 = down(image, 8)
s2, p2 = down(p1, 16)
mid = layers.Conv2D(32, 3, padding="same", activation="relu")(p2)
u2 = up(mid, s2, 16)
u1 = up(u2, s1, 8)
seg = layers.Conv2D(1, 1, activation="sigmoid")(u1)
unet = keras.Model(image, seg)
unet.compile(optimizer="adam", loss="binary_crossentropy")

x_train = scan
y_train = mask
unet.fit(x=x_train, y=y_train, batch_size=1, epochs=2, verbose=0)
print("trained")
