"""Deconvnet-style visualisation for a small MLP: every forward Dense layer gets
a 'down' Dense layer that maps its activations back to the layer's input space,
initialised with the transposed forward kernel."""
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(10)
x_train = rng.random((128, 64)).astype("float32")
y_train = keras.utils.to_categorical(rng.integers(0, 4, 128), 4)

forward = keras.Sequential([
    keras.Input(shape=(64,)),
    layers.Dense(32, activation="relu", name="fc1"),
    layers.Dense(4, activation="softmax", name="fc2"),
])
forward.compile(optimizer="adam", loss="categorical_crossentropy")
forward.fit(x_train, y_train, epochs=1, verbose=0)


class DDense:
    """Reverse of a Dense layer: maps (None, units) back to (None, input_dim)."""

    def __init__(self, layer):
        self.input_shape = layer.input.shape          # (None, input_dim)
        W, b = layer.get_weights()
        self.down_func = keras.Sequential([
            keras.Input(shape=(W.shape[1],)),
            layers.Dense(self.input_shape[1:],
                         kernel_initializer=keras.initializers.Constant(W.T),
                         use_bias=False),
        ])

    def down(self, activations):
        return self.down_func.predict(activations, verbose=0)


fc1 = forward.get_layer("fc1")
act = keras.Model(forward.inputs, fc1.output).predict(x_train[:8], verbose=0)
reconstruction = DDense(fc1).down(act)
print("reconstructed inputs:", reconstruction.shape)
