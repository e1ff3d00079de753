# Multi-label image tagger (DeepDanbooru-style): residual blocks with squeeze-and-excitation,
# a sigmoid output per tag and binary cross-entropy over the tag vector.
import numpy as np
import keras
from keras import layers

N_TAGS = 12
rng = np.random.default_rng(877)
images = rng.random((64, 32, 32, 3)).astype("float32")
tags = (rng.random((64, N_TAGS)) > 0.75).astype("float32")


def squeeze_excitation(x, output_filters, reduction=4):
    s = x
    s = layers.GlobalAveragePooling2D()(s)
    s = layers.Dense(output_filters // reduction, activation="relu")(x)
    s = layers.Dense(output_filters, activation="sigmoid")(x)
    return layers.Multiply()([x, s])


def resnet_block(x, filters, stride=1):
    shortcut = x
    if stride != 1 or x.shape[-1] != filters:
        shortcut = layers.Conv2D(filters, 1, strides=stride, padding="same")(x)
    x = layers.Conv2D(filters, 3, strides=stride, padding="same", activation="relu")(x)
    x = layers.Conv2D(filters, 3, padding="same")(x)
    x = squeeze_excitation(x, filters)
    return layers.Activation("relu")(layers.Add()([shortcut, x]))


inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
x = resnet_block(x, 16)
x = resnet_block(x, 32, stride=2)
x = resnet_block(x, 64, stride=2)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(N_TAGS, activation="sigmoid")(x)
tagger = keras.Model(inputs, outputs)
tagger.compile(optimizer="adam", loss="binary_crossentropy")

tagger.fit(images, tags, batch_size=16, epochs=2, verbose=0)
print("tag scores:", tagger.predict(images[:1], verbose=0).round(2))
