# Compact U-Net for cell-nucleus masks on 64x64 grayscale crops (channels-last).
import numpy as np
import keras
from keras import layers

size = 64
rng = np.random.default_rng(108)
crops = rng.random((24, size, size, 1)).astype("float32")
masks = (rng.random((24, size, size, 1)) > 0.7).astype("float32")

inp = keras.Input((size, size, 1))
e1 = layers.Conv2D(16, 3, activation="relu", padding="same")(inp)
e1 = layers.Conv2D(16, 3, activation="relu", padding="same")(e1)
p1 = layers.MaxPooling2D(2)(e1)
e2 = layers.Conv2D(32, 3, activation="relu", padding="same")(p1)
e2 = layers.Dropout(0.1)(e2)
e2 = layers.Conv2D(32, 3, activation="relu", padding="same")(e2)
p2 = layers.MaxPooling2D(2)(e2)
bottleneck = layers.Conv2D(64, 3, activation="relu", padding="same")(p2)

u2 = layers.UpSampling2D(2)(bottleneck)
u2 = layers.Concatenate(axis=-1)([u2, e2])
d2 = layers.Conv2D(32, 3, activation="relu", padding="same")(u2)
u1 = layers.UpSampling2D(2)(d2)
u1 = layers.Concatenate(axis=-1)([u1, e1])
d1 = layers.Conv2D(16, 3, activation="relu", padding="same")(u1)
mask = layers.Conv2D(1, 1, activation="sigmoid")(d1)

unet = keras.Model(inp, mask)
unet.compile(optimizer="adam", loss="binary_crossentropy")
unet.fit(crops, masks, epochs=1, batch_size=8, verbose=0)
print(unet.predict(crops[:2], verbose=0).shape)
