import numpy as np
import keras
from keras import layers


def bottle_resblock(x_init, channels, downsample=False):
    x = layers.BatchNormalization()(x_init)
    shortcut = layers.ReLU()(x)
    x = layers.Conv2D(channels, 1, padding="same")(shortcut)
    x = layers.BatchNormalization()(x)
    x = layers.ReLU()(x)
    if downsample:
        x = layers.Conv2D(channels, 3, strides=2, padding="same")(x)
        shortcut = layers.Conv2D(channels * 4, 1, strides=2, padding="same")(shortcut)
    else:
        x = layers.Conv2D(channels, 3, padding="same")(x)
    x = layers.BatchNormalization()(x)
    x = layers.ReLU()(x)
    x = layers.Conv2D(channels * 4, 1, padding="same")(x)
    return x + shortcut


inputs = keras.Input((32, 32, 3))
x = layers.Conv2D(16, 3, padding="same")(inputs)
x = bottle_resblock(x, 16)
x = bottle_resblock(x, 16)
x = bottle_resblock(x, 32, downsample=True)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
images = np.random.rand(8, 32, 32, 3).astype("float32")
labels = np.random.randint(0, 10, size=(8,))
model.fit(images, labels, batch_size=4, epochs=1, verbose=0)
