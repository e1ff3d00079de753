# Encoder/decoder segmentation model: 3-class mask per pixel (random stand-in images).
import numpy as np
import keras
from keras import layers

img_size = (64, 64)
num_classes = 3
rng = np.random.default_rng(2)
input_imgs = rng.uniform(0, 255, size=(48,) + img_size + (3,)).astype("float32")
targets = rng.integers(0, num_classes, size=(48,) + img_size + (1,)).astype("uint8")


def get_model(img_size, num_classes):
    inputs = keras.Input(shape=img_size + (3,))
    x = layers.Rescaling(1.0 / 255)(inputs)

    x = layers.Conv2D(32, 3, strides=2, activation="relu", padding="same")(x)
    x = layers.Conv2D(32, 3, activation="relu", padding="same")(x)
    x = layers.Conv2D(64, 3, strides=2, activation="relu", padding="same")(x)
    x = layers.Conv2D(64, 3, activation="relu", padding="same")(x)

    x = layers.Conv2DTranspose(64, 3, activation="relu", padding="same")(x)
    x = layers.Conv2DTranspose(64, 3, activation="relu", strides=2)(x)
    x = layers.Conv2DTranspose(32, 3, activation="relu", padding="same")(x)
    x = layers.Conv2DTranspose(32, 3, activation="relu", padding="same", strides=2)(x)

    outputs = layers.Conv2D(num_classes, 3, activation="softmax", padding="same")(x)
    return keras.Model(inputs, outputs)


model = get_model(img_size=img_size, num_classes=num_classes)
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy")
model.fit(input_imgs, targets, epochs=1, batch_size=16, validation_split=0.25)
