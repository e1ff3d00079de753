# Weight-standardized convolutions (Conv2D subclasses customizing convolution_op) on MNIST-like digits.
import numpy as np
import tensorflow as tf
import keras
from keras import layers


class StandardizedConv2DWithOverride(layers.Conv2D):
    def convolution_op(self, inputs, kernel):
        mean, var = tf.nn.moments(kernel, axes=[0, 1, 2], keepdims=True)
        return tf.nn.conv2d(inputs, (kernel - mean) / tf.sqrt(var + 1e-10),
                            padding="VALID", strides=list(self.strides))


class StandardizedConv2DWithCall(layers.Conv2D):
    def call(self, inputs):
        mean, var = tf.nn.moments(self.kernel, axes=[0, 1, 2], keepdims=True)
        result = self.convolution_op(inputs, (self.kernel - mean) / tf.sqrt(var + 1e-10))
        if self.use_bias:
            result = result + self.bias
        return self.activation(result)


num_classes = 10
input_shape = (28, 28, 1)

rng = np.random.default_rng(0)
x_train = rng.integers(0, 256, size=(512, 28, 28)).astype("float32") / 255
y_train = rng.integers(0, num_classes, size=(512,))
x_train = np.expand_dims(x_train, -1)

model = keras.Sequential([
    keras.Input(shape=input_shape),
    StandardizedConv2DWithCall(32, kernel_size=(3, 3), activation="relu"),
    layers.MaxPooling2D(pool_size=(2, 2)),
    StandardizedConv2DWithOverride(64, kernel_size=(3, 3), activation="relu"),
    layers.MaxPooling2D(pool_size=(2, 2)),
    layers.Flatten(),
    layers.Dropout(0.5),
    layers.Dense(num_classes, activation="softmax"),
])

batch_size = 128
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=batch_size, epochs=2, validation_split=0.1, verbose=0)
print(model.predict(x_train[:4], verbose=0).argmax(axis=1))
