# Digit classifier with a custom antirectifier layer: relu(x) and relu(-x) are joined and
# projected back to the input width by a learned (2 * dim, dim) kernel.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class MyAntirectifier(layers.Layer):
    def build(self, input_shape):
        output_dim = input_shape[-1]
        self.kernel = self.add_weight(
            shape=(output_dim * 2, output_dim),
            initializer="he_normal",
            name="kernel",
            trainable=True,
        )

    def call(self, inputs):
        pos = tf.nn.relu(inputs)
        neg = tf.nn.relu(-inputs)
        concatenated = tf.concat([pos, neg], axis=0)
        return tf.matmul(concatenated, self.kernel)


model = keras.Sequential([
    keras.Input(shape=(784,)),
    layers.Dense(64),
    MyAntirectifier(),
    layers.Dropout(0.1),
    layers.Dense(10, activation="softmax"),
])

rng = np.random.default_rng(20)
x_train = rng.random((512, 784)).astype("float32")
y_train = rng.integers(0, 10, size=512)
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=64, epochs=1, verbose=0)
print(model.output_shape)
