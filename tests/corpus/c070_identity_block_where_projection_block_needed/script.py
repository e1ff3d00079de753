import numpy as np
import keras
from keras import layers


def identity_block(x, filters):
    f1, f2, f3 = filters
    shortcut = x
    x = layers.Conv2D(f1, 1, activation="relu")(x)
    x = layers.Conv2D(f2, 3, padding="same", activation="relu")(x)
    x = layers.Conv2D(f3, 1)(x)
    x = layers.add([x, shortcut])
    return layers.Activation("relu")(x)


def projection_block(x, filters, strides=2):
    f1, f2, f3 = filters
    shortcut = layers.Conv2D(f3, 1, strides=strides)(x)
    x = layers.Conv2D(f1, 1, strides=strides, activation="relu")(x)
    x = layers.Conv2D(f2, 3, padding="same", activation="relu")(x)
    x = layers.Conv2D(f3, 1)(x)
    x = layers.add([x, shortcut])
    return layers.Activation("relu")(x)


def build_resnet(input_shape, num_classes):
    inputs = keras.Input(shape=input_shape)
    x = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
    x = layers.MaxPooling2D(2)(x)
    x = identity_block(x, [16, 16, 64])
    x = identity_block(x, [16, 16, 64])
    x = projection_block(x, [32, 32, 128])
    x = identity_block(x, [32, 32, 128])
    x = layers.GlobalAveragePooling2D()(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs)


model = build_resnet((32, 32, 3), num_classes=5)
images = np.random.rand(8, 32, 32, 3).astype("float32")
labels = np.random.randint(0, 5, size=(8,))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(images, labels, epochs=1, batch_size=4, verbose=0)
