# Small bottleneck ResNet written with the keras-resnet style helpers, run on a machine
# whose Keras image_data_format is "channels_first" (a Theano-era setting, applied here
# in code). The shortcut helper projects the identity branch with a 1x1 convolution
# whenever the block changes the resolution or the number of feature maps.
import numpy as np
import keras
from keras import layers, ops

keras.config.set_image_data_format("channels_first")
AXIS = 1 if keras.config.image_data_format() == "channels_first" else 3


def shortcut(a, b):
    a_shape, b_shape = a.shape, b.shape
    if keras.config.image_data_format() == "channels_last":
        sx, sy = a_shape[1] // b_shape[1], a_shape[2] // b_shape[2]
        if sx > 1 or sy > 1 or a_shape[3] != b_shape[3]:
            a = layers.Conv2D(b_shape[3], 1, strides=(sx, sy), padding="same")(a)
    else:
        sx, sy = a_shape[2] // b_shape[2], a_shape[3] // b_shape[3]
        if sx > 1 or sy > 1 or a_shape[3] != b_shape[3]:
            a = layers.Conv2D(b_shape[3], 1, strides=(sx, sy), padding="same")(a)
    return layers.add([a, b])


def bottleneck(filters, strides=1, first=False):
    def block(x):
        if first:
            y = layers.Conv2D(filters, 1, strides=strides, padding="same")(x)
        else:
            y = layers.Activation("relu")(layers.BatchNormalization(axis=AXIS)(x))
            y = layers.Conv2D(filters, 1, strides=strides, padding="same")(y)
        y = layers.Activation("relu")(layers.BatchNormalization(axis=AXIS)(y))
        y = layers.Conv2D(filters, 3, padding="same")(y)
        y = layers.Activation("relu")(layers.BatchNormalization(axis=AXIS)(y))
        y = layers.Conv2D(filters * 4, 1)(y)
        return shortcut(x, y)
    return block


images = keras.Input(shape=(3, 32, 32))
x = layers.Conv2D(32, 7, strides=2, padding="same")(images)
x = layers.Activation("relu")(layers.BatchNormalization(axis=AXIS)(x))
x = layers.MaxPooling2D(3, strides=2, padding="same")(x)
x = bottleneck(16, first=True)(x)
x = bottleneck(16)(x)
x = bottleneck(32, strides=2)(x)
x = layers.GlobalAveragePooling2D()(x)
resnet = keras.Model(images, layers.Dense(10, activation="softmax")(x))
resnet.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

rng = np.random.default_rng(15)
resnet.fit(rng.random((32, 3, 32, 32)).astype("float32"), rng.integers(0, 10, size=32),
           batch_size=8, epochs=1, verbose=0)
