import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(11)
features = rng.normal(size=(500, 6)).astype(np.float32)
target = (features[:, 0] - 2.0 * features[:, 4]).reshape(-1, 1).astype(np.float32)


class RowNorm(layers.Layer):
    def __init__(self, epsilon=1e-3, **kwargs):
        super().__init__(**kwargs)
        self.epsilon = epsilon

    def build(self, input_shape):
        self.gain = self.add_weight(name="gain", shape=input_shape[-1:],
                                    initializer="ones")
        self.shift = self.add_weight(name="shift", shape=input_shape[-1:],
                                     initializer="zeros")

    def call(self, x):
        mu, var = tf.nn.moments(x, axes=-1, keepdims=True)
        return self.gain * (x - mu) / tf.sqrt(var + self.epsilon) + self.shift

    def get_config(self):
        return {**super().get_config(), "epsilon": self.epsilon}


regressor = keras.Sequential([
    keras.Input(shape=(6,)),
    layers.Dense(24, activation="elu"),
    RowNorm(),
    layers.Dense(24, activation="elu"),
    RowNorm(),
    layers.Dense(1),
])
regressor.compile(loss="mse", optimizer="adam")
regressor.fit(features, target, batch_size=20, epochs=2, verbose=0)
print("mse:", regressor.evaluate(features, target, verbose=0))
