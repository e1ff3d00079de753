import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

num_classes = 10


def make_head(x, units, name):
    h = layers.Dense(64, activation="relu", name=name + "_hidden")(x)
    return layers.Dense(units, activation="softmax", name=name + "_out")(h)


inputs = keras.Input(shape=(24,))
p1 = make_head(inputs, num_classes, "a")
p2 = make_head(inputs, num_classes, "b")
p3 = layers.Dense(5, activation="softmax", name="c_out")(inputs)
avg = layers.Average()([p1, p2, p3])
model = keras.Model(inputs, avg)
model.summary()
