import numpy as np
import tensorflow as tf
import keras
from keras import ops


class Affine(keras.layers.Layer):
    def __init__(self, units=16, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        self.kernel = self.add_weight(
            shape=(input_shape[-1], self.units), initializer="random_normal", trainable=True
        )
        self.bias = self.add_weight(shape=(self.units,), initializer="zeros", trainable=True)

    def call(self, inputs):
        return ops.matmul(inputs, self.kernel) + self.bias


class ThreeLayerNet(keras.layers.Layer):
    def __init__(self, n_out, **kwargs):
        super().__init__(**kwargs)
        self.first = Affine(48)
        self.second = Affine(24)
        self.head = Affine(n_out)

    def call(self, inputs):
        h = ops.relu(self.first(inputs))
        h = ops.relu(self.second(h))
        return self.head(h)


gen = np.random.default_rng(8)
rows = gen.normal(size=(192, 14)).astype("float32")
kinds = gen.integers(0, 5, size=(192,))
batches = tf.data.Dataset.from_tensor_slices((rows, kinds)).shuffle(192).batch(24)

net = ThreeLayerNet(5)
criterion = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
opt = keras.optimizers.SGD(learning_rate=0.05)

for epoch in range(2):
    for i, (xb, yb) in enumerate(batches):
        with tf.GradientTape() as tape:
            out = net(xb)
            loss = criterion(yb, out)
        grads = tape.gradient(loss, net.trainable_weights)
        opt.apply(grads, net.trainable_weights)
    print("epoch", epoch, "loss", round(float(loss), 4))
print("kernel shapes", [tuple(w.shape) for w in net.trainable_weights[::2]])
