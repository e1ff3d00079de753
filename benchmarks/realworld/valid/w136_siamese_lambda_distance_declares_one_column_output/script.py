# Siamese duplicate detector for 24-value product descriptors: one shared encoder, a
# Lambda layer returning the Euclidean distance of the two codes as one column, then a
# normalised logistic head on that distance.
import numpy as np
import keras
from keras import layers, ops


def code_distance(codes):
    code_a, code_b = codes
    sq = ops.sum(ops.square(code_a - code_b), axis=1, keepdims=True)
    return ops.sqrt(ops.maximum(sq, 1e-7))


def code_distance_shape(shapes):
    shape_a, shape_b = shapes
    return (shape_a[0], 1)


shared = keras.Sequential([
    keras.Input(shape=(24,)),
    layers.Dense(16, activation="tanh"),
    layers.Dense(6),
])

left_in = keras.Input(shape=(24,))
right_in = keras.Input(shape=(24,))
dist = layers.Lambda(code_distance, output_shape=code_distance_shape)([shared(left_in), shared(right_in)])
dist = layers.BatchNormalization()(dist)
is_duplicate = layers.Dense(1, activation="sigmoid")(dist)
detector = keras.Model([left_in, right_in], is_duplicate)
detector.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])

gen = np.random.default_rng(136)
left = gen.normal(size=(80, 24)).astype("float32")
right = gen.normal(size=(80, 24)).astype("float32")
dup = gen.integers(0, 2, size=(80, 1)).astype("float32")
detector.fit([left, right], dup, batch_size=20, epochs=2, verbose=0)
print(detector.predict([left[:3], right[:3]], verbose=0).shape)
