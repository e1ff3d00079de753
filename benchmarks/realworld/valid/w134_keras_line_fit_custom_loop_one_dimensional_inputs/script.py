# Linear fit with a hand-written training loop: a keras.Model with a scalar slope and
# intercept is trained by plain gradient descent on a mean-squared-error written with
# tensor ops; inputs, noise and targets are all 1-D vectors of the same length.
import numpy as np
import tensorflow as tf
import keras

SLOPE, INTERCEPT = -1.5, 0.7
N_POINTS = 300

gen = np.random.default_rng(134)
inputs = gen.uniform(-2.0, 2.0, size=N_POINTS).astype("float32")
targets = inputs * SLOPE + INTERCEPT + 0.3 * gen.normal(size=N_POINTS).astype("float32")


class Affine1D(keras.Model):
    def __init__(self):
        super().__init__()
        self.slope = self.add_weight(shape=(), initializer="ones", name="slope")
        self.bias = self.add_weight(shape=(), initializer="zeros", name="bias")

    def call(self, x):
        return self.slope * x + self.bias


def squared_error(y_true, y_hat):
    return tf.reduce_mean(tf.square(y_true - y_hat))


def step(model, x, y, lr):
    with tf.GradientTape() as tape:
        value = squared_error(y, model(x))
    g_slope, g_bias = tape.gradient(value, [model.slope, model.bias])
    model.slope.assign_sub(lr * g_slope)
    model.bias.assign_sub(lr * g_bias)
    return value


line_model = Affine1D()
for epoch in range(40):
    last = step(line_model, inputs, targets, lr=0.1)
print(f"slope = {float(line_model.slope):.2f}, bias = {float(line_model.bias):.2f}, mse = {float(last):.3f}")
