"""Satellite U-Net (building footprints) built for 384x384 RGB tiles; after
training, one test tile is resized and segmented."""
import numpy as np
import tensorflow as tf
import keras
from keras import layers

input_shape = (384, 384, 3)
rng = np.random.default_rng(9)


def satellite_unet(input_shape):
    inputs = keras.Input(input_shape)
    c1 = layers.Conv2D(8, 3, padding="same", activation="relu")(inputs)
    p1 = layers.MaxPooling2D()(c1)
    c2 = layers.Conv2D(16, 3, padding="same", activation="relu")(p1)
    p2 = layers.MaxPooling2D()(c2)
    b = layers.Conv2D(32, 3, padding="same", activation="relu")(p2)
    u2 = layers.Concatenate()([layers.UpSampling2D()(b), c2])
    c3 = layers.Conv2D(16, 3, padding="same", activation="relu")(u2)
    u1 = layers.Concatenate()([layers.UpSampling2D()(c3), c1])
    c4 = layers.Conv2D(8, 3, padding="same", activation="relu")(u1)
    outputs = layers.Conv2D(1, 1, activation="sigmoid")(c4)
    return keras.Model(inputs, outputs)


model = satellite_unet(input_shape)
model.compile(optimizer="adam", loss="binary_crossentropy")
tiles = rng.random((4,) + input_shape).astype("float32")
masks = (rng.random((4, 384, 384, 1)) > 0.7).astype("float32")
model.fit(tiles, masks, batch_size=2, epochs=1, verbose=0)

test_photo = rng.integers(0, 256, size=(500, 460, 3)).astype("float32")   # the test.jpg
image = tf.image.resize(test_photo, (348, 348)).numpy() / 255.0
pr_mask = model.predict(image[np.newaxis, ...], verbose=0).round()
print("mask:", pr_mask.shape)
