import numpy as np
import keras
from keras import layers

images = np.random.rand(16, 32, 32, 3).astype("float32")
labels = np.random.randint(0, 10, size=(16,))


def block1(x, filters, kernel_size=3, stride=1, conv_shortcut=True):
    if conv_shortcut:
        shortcut = layers.Conv2D(4 * filters, 1, strides=stride)(x)
        shortcut = layers.BatchNormalization(epsilon=1.001e-5)(shortcut)
    else:
        shortcut = x
    x = layers.Conv2D(filters, 1, strides=stride)(x)
    x = layers.BatchNormalization(epsilon=1.001e-5)(x)
    x = layers.Activation("relu")(x)
    x = layers.Conv2D(filters, kernel_size, strides=stride, padding="same")(x)
    x = layers.BatchNormalization(epsilon=1.001e-5)(x)
    x = layers.Activation("relu")(x)
    x = layers.Conv2D(4 * filters, 1)(x)
    x = layers.BatchNormalization(epsilon=1.001e-5)(x)
    x = layers.Add()([shortcut, x])
    return layers.Activation("relu")(x)


def stack1(x, filters, blocks, stride1=2):
    x = block1(x, filters, stride=stride1)
    for _ in range(2, blocks + 1):
        x = block1(x, filters, conv_shortcut=False)
    return x


inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
x = stack1(x, 8, 2, stride1=1)
x = stack1(x, 16, 2)
x = stack1(x, 32, 2)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(images, labels, epochs=1, batch_size=8, verbose=0)
