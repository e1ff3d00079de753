import numpy as np
import keras
from keras import layers, ops

rng = np.random.default_rng(9)
n_pairs, frames, side = 96, 10, 28
tr_pair0 = rng.random((n_pairs, frames, side, side, 1)).astype("float32")
tr_pair1 = rng.random((n_pairs, frames, side, side, 1)).astype("float32")
tr_y = rng.integers(0, 2, size=(n_pairs, 1)).astype("float32")


def create_base_network():
    return keras.Sequential([
        keras.Input(shape=(frames, side, side, 1)),
        layers.Conv3D(8, kernel_size=3, padding="same", activation="relu"),
        layers.MaxPooling3D(pool_size=2),
        layers.GlobalAveragePooling3D(),
        layers.Dense(16),
    ])


base_network = create_base_network()
input_shape = tr_pair0.shape
input_a = keras.Input(shape=input_shape)
input_b = keras.Input(shape=input_shape)
processed_a = base_network(input_a)
processed_b = base_network(input_b)
distance = layers.Lambda(lambda t: ops.sqrt(ops.sum(ops.square(t[0] - t[1]), axis=1, keepdims=True) + 1e-7))(
    [processed_a, processed_b])
similar = layers.Dense(1, activation="sigmoid")(distance)
model = keras.Model([input_a, input_b], similar)
model.compile(optimizer="rmsprop", loss="binary_crossentropy")
model.fit([tr_pair0, tr_pair1], tr_y, batch_size=16, epochs=1, verbose=0)
