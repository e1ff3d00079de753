import numpy as np
import tensorflow as tf
import keras
from keras import ops


class Linear(keras.layers.Layer):
    """y = w.x + b"""

    def __init__(self, units=32, input_dim=32):
        super().__init__()
        self.w = self.add_weight(
            shape=(input_dim, units), initializer="random_normal", trainable=True
        )
        self.b = self.add_weight(shape=(units,), initializer="zeros", trainable=True)

    def call(self, inputs):
        return ops.matmul(inputs, self.w) + self.b


class MLP(keras.layers.Layer):
    """Simple stack of Linear layers."""

    def __init__(self):
        super().__init__()
        self.linear_1 = Linear(64, input_dim=20)
        self.linear_2 = Linear(32)
        self.linear_3 = Linear(10)

    def call(self, inputs):
        x = self.linear_1(inputs)
        x = ops.relu(x)
        x = self.linear_2(x)
        x = ops.relu(x)
        return self.linear_3(x)


rng = np.random.default_rng(1)
features = rng.normal(size=(256, 20)).astype("float32")
targets = rng.integers(0, 10, size=(256,))
dataset = tf.data.Dataset.from_tensor_slices((features, targets)).shuffle(256).batch(32)

mlp = MLP()
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
optimizer = keras.optimizers.Adam(learning_rate=1e-3)

for step, (x, y) in enumerate(dataset):
    with tf.GradientTape() as tape:
        logits = mlp(x)
        loss_value = loss_fn(y, logits)
    gradients = tape.gradient(loss_value, mlp.trainable_weights)
    optimizer.apply(gradients, mlp.trainable_weights)
    if step % 4 == 0:
        print(f"Step: {step} Loss: {float(loss_value):.4f}")
