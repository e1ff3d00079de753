import numpy as np
import tensorflow as tf
import keras
from keras import layers

# Fashion-MNIST-sized synthetic images, 10 classes
rng = np.random.default_rng(10)
X_train = rng.random((1024, 28, 28)).astype("float32")
y_train = rng.integers(0, 10, size=(1024,))


def softmax(X):
    X_exp = tf.exp(X)
    partition = tf.reduce_sum(X_exp, 1)
    return X_exp / partition  # The broadcasting mechanism is applied here


class SoftmaxRegressionScratch(layers.Layer):
    def __init__(self, num_outputs, sigma=0.01, **kwargs):
        super().__init__(**kwargs)
        self.num_outputs = num_outputs
        self.sigma = sigma

    def build(self, input_shape):
        num_inputs = input_shape[1] * input_shape[2]
        self.W = self.add_weight(
            shape=(num_inputs, self.num_outputs),
            initializer=keras.initializers.RandomNormal(stddev=self.sigma))
        self.b = self.add_weight(shape=(self.num_outputs,), initializer="zeros")

    def call(self, X):
        X = tf.reshape(X, (-1, self.W.shape[0]))
        return softmax(tf.matmul(X, self.W) + self.b)


model = keras.Sequential([keras.Input(shape=(28, 28)), SoftmaxRegressionScratch(10)])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1),
              loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, batch_size=256, epochs=2, verbose=0)
print(model.evaluate(X_train, y_train, batch_size=256, verbose=0))
