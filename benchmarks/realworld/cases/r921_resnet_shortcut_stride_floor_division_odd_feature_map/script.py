import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(9)
images = rng.random((16, 60, 60, 3)).astype("float32")
labels = rng.integers(0, 5, size=16)


def _bn_relu(t):
    t = layers.BatchNormalization()(t)
    return layers.Activation("relu")(t)


def _shortcut(inp, residual):
    input_shape = inp.shape
    residual_shape = residual.shape
    stride_width = input_shape[1] // residual_shape[1]
    stride_height = input_shape[2] // residual_shape[2]
    equal_channels = input_shape[3] == residual_shape[3]

    shortcut = inp
    if stride_width > 1 or stride_height > 1 or not equal_channels:
        shortcut = layers.Conv2D(residual_shape[3], (1, 1), strides=(stride_width, stride_height),
                                 padding="valid", kernel_initializer="he_normal")(inp)
    return layers.add([shortcut, residual])


def basic_block(t, filters, strides):
    r = layers.Conv2D(filters, 3, strides=strides, padding="same", kernel_initializer="he_normal")(t)
    r = _bn_relu(r)
    r = layers.Conv2D(filters, 3, padding="same", kernel_initializer="he_normal")(r)
    return _shortcut(t, r)


def build_resnet(input_shape, num_outputs):
    inp = keras.Input(shape=input_shape)
    x = layers.Conv2D(16, 7, strides=2, padding="same")(inp)
    x = _bn_relu(x)
    x = layers.MaxPooling2D(3, strides=2, padding="same")(x)
    for stage, filters in enumerate([16, 32, 64]):
        x = basic_block(x, filters, strides=1 if stage == 0 else 2)
        x = _bn_relu(x)
    x = layers.GlobalAveragePooling2D()(x)
    out = layers.Dense(num_outputs, activation="softmax")(x)
    return keras.Model(inp, out)


model = build_resnet((60, 60, 3), 5)
model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
model.fit(images, labels, batch_size=8, epochs=1, verbose=0)
print("ok", model.output_shape)
