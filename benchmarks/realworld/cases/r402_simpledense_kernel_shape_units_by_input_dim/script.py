# A Dense layer written from scratch as a keras.Layer subclass, then stacked into a small classifier.
import numpy as np
import keras


class SimpleDense(keras.Layer):
    def __init__(self, units, activation=None):
        super().__init__()
        self.units = units
        self.activation = activation

    def build(self, input_shape):
        batch_dim, input_dim = input_shape
        self.W = self.add_weight(shape=(self.units, input_dim), initializer="random_normal")
        self.b = self.add_weight(shape=(self.units,), initializer="zeros")

    def call(self, inputs):
        y = keras.ops.matmul(inputs, self.W) + self.b
        if self.activation is not None:
            y = self.activation(y)
        return y


my_dense = SimpleDense(units=32, activation=keras.ops.relu)
input_tensor = keras.ops.ones(shape=(2, 784))
output_tensor = my_dense(input_tensor)
print(output_tensor.shape)

images = np.random.rand(256, 784).astype("float32")
labels = np.random.randint(0, 10, size=(256,))
model = keras.Sequential([
    SimpleDense(32, activation=keras.ops.relu),
    SimpleDense(64, activation=keras.ops.relu),
    SimpleDense(10, activation=keras.ops.softmax),
])
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(images, labels, epochs=2, batch_size=64, verbose=0)
print(model.predict(images[:3], verbose=0).shape)
