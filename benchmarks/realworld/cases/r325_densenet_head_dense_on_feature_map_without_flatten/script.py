"""Small DenseNet for CIFAR-10-sized images whose classifier is put straight on the last feature map."""
import numpy as np
import keras
from keras import layers

NB_CLASSES = 10
rng = np.random.default_rng(4)
x_train = rng.random((64, 32, 32, 3)).astype("float32")
y_train = keras.utils.to_categorical(rng.integers(0, NB_CLASSES, 64), NB_CLASSES)


def conv_block(x, growth_rate):
    y = layers.BatchNormalization()(x)
    y = layers.Activation("relu")(y)
    y = layers.Conv2D(growth_rate, 3, padding="same", use_bias=False)(y)
    return layers.Concatenate(axis=-1)([x, y])


def dense_block(x, nb_layers, growth_rate):
    for _ in range(nb_layers):
        x = conv_block(x, growth_rate)
    return x


def transition_block(x, compression=0.5):
    filters = int(x.shape[-1] * compression)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    x = layers.Conv2D(filters, 1, use_bias=False)(x)
    return layers.AveragePooling2D(2, strides=2)(x)


def densenet(input_shape=(32, 32, 3), depth=3, nb_layers=2, growth_rate=8):
    inputs = keras.Input(shape=input_shape)
    x = layers.Conv2D(2 * growth_rate, 3, padding="same", use_bias=False)(inputs)
    for block in range(depth):
        x = dense_block(x, nb_layers, growth_rate)
        if block != depth - 1:
            x = transition_block(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    outputs = layers.Dense(NB_CLASSES, activation="softmax")(x)
    return keras.Model(inputs, outputs, name="densenet")


model = densenet()
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=16, epochs=1, verbose=0)
