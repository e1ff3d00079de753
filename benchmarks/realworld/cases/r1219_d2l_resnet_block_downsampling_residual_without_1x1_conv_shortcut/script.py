import numpy as np
import tensorflow as tf
import keras
from keras import layers


class Residual(keras.Model):
    """The residual block of d2l's ResNet (TensorFlow version)."""

    def __init__(self, num_channels, use_1x1conv=False, strides=1):
        super().__init__()
        self.conv1 = layers.Conv2D(num_channels, padding="same", kernel_size=3, strides=strides)
        self.conv2 = layers.Conv2D(num_channels, kernel_size=3, padding="same")
        self.conv3 = None
        if use_1x1conv:
            self.conv3 = layers.Conv2D(num_channels, kernel_size=1, strides=strides)
        self.bn1 = layers.BatchNormalization()
        self.bn2 = layers.BatchNormalization()

    def call(self, X):
        Y = keras.activations.relu(self.bn1(self.conv1(X)))
        Y = self.bn2(self.conv2(Y))
        if self.conv3 is not None:
            X = self.conv3(X)
        Y += X
        return keras.activations.relu(Y)


class ResnetBlock(layers.Layer):
    def __init__(self, num_channels, num_residuals, first_block=False, **kwargs):
        super().__init__(**kwargs)
        self.residual_layers = []
        for i in range(num_residuals):
            if i == 0 and not first_block:
                self.residual_layers.append(Residual(num_channels, strides=2))
            else:
                self.residual_layers.append(Residual(num_channels))

    def call(self, X):
        for layer in self.residual_layers:
            X = layer(X)
        return X


def net():
    return keras.Sequential([
        layers.Conv2D(16, kernel_size=7, strides=2, padding="same"),
        layers.BatchNormalization(),
        layers.Activation("relu"),
        layers.MaxPool2D(pool_size=3, strides=2, padding="same"),
        ResnetBlock(16, 2, first_block=True),
        ResnetBlock(32, 2),
        ResnetBlock(64, 2),
        layers.GlobalAvgPool2D(),
        layers.Dense(units=10),
    ])


rng = np.random.default_rng(2)
X_train = rng.uniform(size=(64, 32, 32, 1)).astype("float32")
y_train = rng.integers(0, 10, size=64)
model = net()
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05),
              loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
model.fit(X_train, y_train, batch_size=16, epochs=1, verbose=0)
print(model.predict(X_train[:2], verbose=0).shape)
