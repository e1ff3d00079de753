# Custom Linear layers with an activity-regularization loss, trained with a GradientTape loop.
import numpy as np
import tensorflow as tf
import keras


class Linear(keras.layers.Layer):
    def __init__(self, units=32):
        super().__init__()
        self.units = units

    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1], self.units),
                                 initializer="random_normal", trainable=True)
        self.b = self.add_weight(shape=(self.units,), initializer="zeros", trainable=True)

    def call(self, inputs):
        return tf.matmul(inputs, self.w) + self.b


class ActivityRegularization(keras.layers.Layer):
    def __init__(self, rate=1e-2):
        super().__init__()
        self.rate = rate

    def call(self, inputs):
        self.add_loss(self.rate * tf.reduce_sum(inputs))
        return inputs


class SparseMLP(keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.linear_1 = Linear(32)
        self.regularization = ActivityRegularization(1e-2)
        self.linear_3 = Linear(10)

    def call(self, inputs):
        x = tf.nn.relu(self.linear_1(inputs))
        x = self.regularization(x)
        return self.linear_3(x)


rng = np.random.default_rng(3)
x_train = rng.integers(0, 256, size=(640, 28, 28)).astype("uint8")
y_train = rng.integers(0, 10, size=640).astype("uint8")
dataset = tf.data.Dataset.from_tensor_slices((x_train.astype("float32") / 255, y_train))
dataset = dataset.shuffle(buffer_size=1024).batch(64)

mlp = SparseMLP()
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
optimizer = keras.optimizers.SGD(learning_rate=1e-3)

for step, (x, y) in enumerate(dataset):
    with tf.GradientTape() as tape:
        logits = mlp(x)
        loss = loss_fn(y, logits)
        loss += sum(mlp.losses)
    gradients = tape.gradient(loss, mlp.trainable_weights)
    optimizer.apply_gradients(zip(gradients, mlp.trainable_weights))
    if step % 5 == 0:
        print("Step:", step, "Loss:", float(loss))
