# Siamese pair classifier on 20-value feature vectors: a shared encoder embeds both
# items, a Lambda layer computes their Euclidean distance and a small head turns the
# distance into a same/different probability.
import numpy as np
import keras
from keras import layers, ops


def pair_distance(embeddings):
    left, right = embeddings
    squared = ops.sum(ops.square(left - right), axis=1, keepdims=True)
    return ops.sqrt(ops.maximum(squared, 1e-7))


def pair_distance_shape(shapes):
    first, second = shapes
    return first


encoder = keras.Sequential([
    keras.Input(shape=(20,)),
    layers.Dense(32, activation="relu"),
    layers.Dense(8),
])

item_a = keras.Input(shape=(20,))
item_b = keras.Input(shape=(20,))
distance = layers.Lambda(pair_distance, output_shape=pair_distance_shape)(
    [encoder(item_a), encoder(item_b)])
normed = layers.BatchNormalization()(distance)
same = layers.Dense(1, activation="sigmoid")(normed)
siamese = keras.Model([item_a, item_b], same)
siamese.compile(loss="binary_crossentropy", optimizer="rmsprop", metrics=["accuracy"])

rng = np.random.default_rng(2677)
a_vectors = rng.random((96, 20)).astype("float32")
b_vectors = rng.random((96, 20)).astype("float32")
same_label = rng.integers(0, 2, size=(96, 1)).astype("float32")
siamese.fit([a_vectors, b_vectors], same_label, batch_size=16, epochs=2, verbose=0)
print(siamese.predict([a_vectors[:4], b_vectors[:4]], verbose=0).ravel())
