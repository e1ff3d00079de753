import numpy as np
import keras
from keras import layers


class ResidualBlock(layers.Layer):
    """PixelCNN residual block: 1x1 down, 3x3, 1x1 back up, plus the input."""

    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.conv1 = layers.Conv2D(filters=filters, kernel_size=1, activation="relu")
        self.pixel_conv = layers.Conv2D(filters=filters // 2, kernel_size=3, activation="relu", padding="same")
        self.conv2 = layers.Conv2D(filters=filters // 2, kernel_size=1, activation="relu")

    def call(self, inputs):
        x = self.conv1(inputs)
        x = self.pixel_conv(x)
        x = self.conv2(x)
        return layers.add([inputs, x])


inputs = keras.Input(shape=(28, 28, 1))
x = layers.Conv2D(128, kernel_size=7, padding="same", activation="relu")(inputs)
x = ResidualBlock(filters=128)(x)
x = ResidualBlock(filters=128)(x)
outputs = layers.Conv2D(1, kernel_size=1, activation="sigmoid")(x)
pixel_cnn = keras.Model(inputs, outputs)
pixel_cnn.compile(optimizer="adam", loss="binary_crossentropy")
data = (np.random.rand(8, 28, 28, 1) > 0.5).astype("float32")
pixel_cnn.fit(data, data, batch_size=4, epochs=1, verbose=0)
