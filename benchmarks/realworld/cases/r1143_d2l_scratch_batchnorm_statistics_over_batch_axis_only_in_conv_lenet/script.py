import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(5)
X_train = rng.random((256, 28, 28, 1)).astype("float32")
y_train = rng.integers(0, 10, size=(256,))


def batch_norm(X, gamma, beta, moving_mean, moving_var, eps):
    inv = tf.cast(tf.math.rsqrt(moving_var + eps), X.dtype)
    inv *= gamma
    return X * inv + (beta - moving_mean * inv)


class BatchNorm(layers.Layer):
    def build(self, input_shape):
        weight_shape = [input_shape[-1], ]
        self.gamma = self.add_weight(name="gamma", shape=weight_shape, initializer="ones")
        self.beta = self.add_weight(name="beta", shape=weight_shape, initializer="zeros")
        self.moving_mean = self.add_weight(name="moving_mean", shape=weight_shape,
                                           initializer="zeros", trainable=False)
        self.moving_variance = self.add_weight(name="moving_variance", shape=weight_shape,
                                               initializer="ones", trainable=False)

    def assign_moving_average(self, variable, value):
        momentum = 0.9
        variable.assign(variable * momentum + value * (1 - momentum))

    def call(self, inputs, training=None):
        if training:
            axes = [0]
            batch_mean = tf.reduce_mean(inputs, axes, keepdims=True)
            batch_variance = tf.reduce_mean(tf.math.squared_difference(
                inputs, tf.stop_gradient(batch_mean)), axes, keepdims=True)
            batch_mean = tf.squeeze(batch_mean, axes)
            batch_variance = tf.squeeze(batch_variance, axes)
            self.assign_moving_average(self.moving_mean, batch_mean)
            self.assign_moving_average(self.moving_variance, batch_variance)
            mean, variance = batch_mean, batch_variance
        else:
            mean, variance = self.moving_mean, self.moving_variance
        return batch_norm(inputs, self.gamma, self.beta, mean, variance, eps=1e-5)


model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(6, kernel_size=5), BatchNorm(), layers.Activation("sigmoid"),
    layers.AvgPool2D(pool_size=2, strides=2),
    layers.Conv2D(16, kernel_size=5), BatchNorm(), layers.Activation("sigmoid"),
    layers.AvgPool2D(pool_size=2, strides=2),
    layers.Flatten(), layers.Dense(120), BatchNorm(), layers.Activation("sigmoid"),
    layers.Dense(84), BatchNorm(), layers.Activation("sigmoid"),
    layers.Dense(10),
])
model.compile(optimizer=keras.optimizers.SGD(0.5),
              loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])
model.fit(X_train, y_train, batch_size=64, epochs=1, verbose=0)
print(model.evaluate(X_train, y_train, verbose=0))
