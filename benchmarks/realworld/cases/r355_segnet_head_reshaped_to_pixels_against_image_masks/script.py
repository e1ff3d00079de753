"""SegNet-like encoder/decoder for 4-class scene segmentation.

Masks are one-hot images (N, 64, 64, 4)."""
import numpy as np
import keras
from keras import layers

input_shape = (64, 64, 3)
n_labels = 4
rng = np.random.default_rng(11)

images = rng.random((40,) + input_shape).astype("float32")
labels = rng.integers(0, n_labels, size=(40, 64, 64))
masks = keras.utils.to_categorical(labels, n_labels)  # (40, 64, 64, 4)


def segnet(input_shape, n_labels):
    inputs = keras.Input(shape=input_shape)
    conv_1 = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
    pool_1 = layers.MaxPooling2D()(conv_1)
    conv_2 = layers.Conv2D(32, 3, padding="same", activation="relu")(pool_1)
    pool_2 = layers.MaxPooling2D()(conv_2)
    up_1 = layers.UpSampling2D()(pool_2)
    conv_3 = layers.Conv2D(32, 3, padding="same", activation="relu")(up_1)
    up_2 = layers.UpSampling2D()(conv_3)
    conv_4 = layers.Conv2D(n_labels, 1, padding="valid")(up_2)
    conv_4 = layers.Reshape((input_shape[0] * input_shape[1], n_labels))(conv_4)
    outputs = layers.Activation("softmax")(conv_4)
    return keras.Model(inputs, outputs, name="segnet")


model = segnet(input_shape, n_labels)
model.compile(optimizer="adadelta", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(images, masks, batch_size=8, epochs=2, verbose=0)
