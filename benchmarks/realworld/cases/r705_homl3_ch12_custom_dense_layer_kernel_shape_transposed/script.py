# Housing-price regressor built from a hand-written dense layer (Hands-On ML
# chapter 12 style): the layer creates its kernel and bias in build() from the
# input shape and computes activation(X @ kernel + bias).
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(705)
X_train = rng.normal(size=(200, 8)).astype("float32")
y_train = (X_train @ rng.normal(size=(8, 1)) + 0.1 * rng.normal(size=(200, 1))).astype("float32")


class HandDense(tf.keras.layers.Layer):
    def __init__(self, units, activation=None, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.activation = tf.keras.activations.get(activation)

    def build(self, batch_input_shape):
        self.kernel = self.add_weight(name="kernel", shape=[self.units, batch_input_shape[-1]],
                                      initializer="glorot_normal")
        self.bias = self.add_weight(name="bias", shape=[self.units], initializer="zeros")

    def call(self, X):
        return self.activation(X @ self.kernel + self.bias)


regressor = tf.keras.Sequential([
    tf.keras.Input(shape=X_train.shape[1:]),
    HandDense(30, activation="relu"),
    HandDense(1),
])
regressor.compile(loss="mse", optimizer="nadam")
regressor.fit(X_train, y_train, epochs=2, verbose=0)
print(regressor.evaluate(X_train, y_train, verbose=0))
