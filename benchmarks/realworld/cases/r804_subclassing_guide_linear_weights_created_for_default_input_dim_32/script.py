# Layers and models written by subclassing: a Linear layer holding a kernel and a
# bias, an MLP block stacking three of them, and a model that trains the block on
# 64-feature rows with the built-in fit loop.
import numpy as np
import keras
from keras import ops

gen = np.random.default_rng(804)
rows = gen.normal(size=(96, 64)).astype("float32")
target = gen.normal(size=(96, 1)).astype("float32")


class Linear(keras.layers.Layer):
    def __init__(self, units=32, input_dim=32):
        super().__init__()
        self.w = self.add_weight(shape=(input_dim, units), initializer="random_normal",
                                 trainable=True)
        self.b = self.add_weight(shape=(units,), initializer="zeros", trainable=True)

    def call(self, inputs):
        return ops.matmul(inputs, self.w) + self.b


class MLPBlock(keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.linear_1 = Linear(32)
        self.linear_2 = Linear(32)
        self.linear_3 = Linear(1)

    def call(self, inputs):
        h = ops.relu(self.linear_1(inputs))
        h = ops.relu(self.linear_2(h))
        return self.linear_3(h)


class Regressor(keras.Model):
    def __init__(self):
        super().__init__()
        self.block = MLPBlock()

    def call(self, inputs):
        return self.block(inputs)


net = Regressor()
net.compile(optimizer=keras.optimizers.SGD(learning_rate=1e-3), loss="mse")
net.fit(rows, target, batch_size=16, epochs=2, verbose=0)
print(net.predict(rows[:3], verbose=0).shape)
