# Fitting a line with a custom training loop (TensorFlow "Basic training loops" guide,
# Keras-model version): a keras.Model holding two scalar weights computes w * x + b, and
# a hand-written mean-squared-error loss drives plain gradient-descent updates.
import numpy as np
import tensorflow as tf
import keras

TRUE_W, TRUE_B = 3.0, 2.0
NUM_EXAMPLES = 201

rng = np.random.default_rng(0)
x = rng.normal(size=(NUM_EXAMPLES, 1)).astype("float32")
noise = rng.normal(size=NUM_EXAMPLES).astype("float32")
y = x[:, 0] * TRUE_W + TRUE_B + noise


class LineModel(keras.Model):
    def __init__(self):
        super().__init__()
        self.w = self.add_weight(shape=(), initializer=keras.initializers.Constant(5.0), name="w")
        self.b = self.add_weight(shape=(), initializer="zeros", name="b")

    def call(self, inputs):
        return self.w * inputs + self.b


def loss(target_y, predicted_y):
    return tf.reduce_mean(tf.square(target_y - predicted_y))


def train(model, x, y, learning_rate):
    with tf.GradientTape() as t:
        current_loss = loss(y, model(x))
    dw, db = t.gradient(current_loss, [model.w, model.b])
    model.w.assign_sub(learning_rate * dw)
    model.b.assign_sub(learning_rate * db)


def training_loop(model, x, y, epochs):
    for epoch in range(epochs):
        train(model, x, y, learning_rate=0.1)
    return loss(y, model(x))


line = LineModel()
final_loss = training_loop(line, x, y, epochs=20)
print(f"W = {float(line.w):.2f}, b = {float(line.b):.2f}, loss = {float(final_loss):.3f}")
