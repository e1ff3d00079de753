import numpy as np
import keras
from keras import layers, ops

rng = np.random.default_rng(7)
n_pairs = 80
tr_pairs = rng.random((n_pairs, 2, 28, 28)).astype("float32")
tr_y = rng.integers(0, 2, size=n_pairs).astype("float32")


def initialize_base_network():
    inp = keras.Input(shape=(28, 28))
    x = layers.Flatten()(inp)
    x = layers.Dense(64, activation="relu")(x)
    x = layers.Dropout(0.1)(x)
    x = layers.Dense(64, activation="relu")(x)
    return keras.Model(inputs=inp, outputs=x)


def euclidean_distance(vects):
    x, y = vects
    sum_square = ops.sum(ops.square(x - y), axis=1, keepdims=True)
    return ops.sqrt(ops.maximum(sum_square, 1e-7))


def contrastive_loss(y_true, y_pred):
    margin = 1.0
    return ops.mean(y_true * ops.square(y_pred) + (1 - y_true) * ops.square(ops.maximum(margin - y_pred, 0.0)))


base_network = initialize_base_network()
input_a = keras.Input(shape=(28, 28))
input_b = keras.Input(shape=(28, 28))
vect_output_a = base_network(input_a)
vect_output_b = base_network(input_b)
output = layers.Lambda(euclidean_distance, output_shape=(1,))([vect_output_a, vect_output_b])

model = keras.Model(inputs=[input_a, input_b], outputs=output)
model.compile(loss=contrastive_loss, optimizer=keras.optimizers.RMSprop())
model.fit([tr_pairs[0], tr_pairs[1]], tr_y, epochs=2, batch_size=16, verbose=0)
print("fitted")
