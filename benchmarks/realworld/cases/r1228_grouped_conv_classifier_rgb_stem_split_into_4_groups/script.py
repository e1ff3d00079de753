import numpy as np
import keras
from keras import layers

# small CIFAR-like classifier whose convolutions are grouped (ResNeXt-style cardinality)
rng = np.random.default_rng(4)
num_classes, cardinality = 5, 4
x_train = rng.uniform(0, 1, size=(100, 32, 32, 3)).astype("float32")
y_train = rng.integers(0, num_classes, size=100)
x_test = rng.uniform(0, 1, size=(20, 32, 32, 3)).astype("float32")

def grouped_block(x, filters, groups=cardinality):
    shortcut = layers.Conv2D(filters, 1, padding="same")(x)
    x = layers.Conv2D(filters, (3, 3), padding="same", groups=groups)(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    x = layers.Conv2D(filters, (3, 3), padding="same", groups=groups)(x)
    x = layers.BatchNormalization()(x)
    return layers.Activation("relu")(layers.add([x, shortcut]))

inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(32, (3, 3), padding="same", groups=cardinality)(inputs)
x = layers.Activation("relu")(x)
x = grouped_block(x, 32)
x = layers.MaxPooling2D(2)(x)
x = grouped_block(x, 64)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(num_classes, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, batch_size=20, verbose=0)
print("predicted classes:", model.predict(x_test, verbose=0).argmax(axis=1))
