import numpy as np
import keras
from keras import layers

# ConvMixer: patch embedding, then a depthwise conv with a residual over the patch grid.
inputs = keras.Input((32, 32, 3))
x = layers.Rescaling(1.0 / 255)(inputs)
x = layers.Conv2D(64, kernel_size=2, strides=2)(x)
x = layers.Activation("gelu")(x)
x = layers.BatchNormalization()(x)
x0 = x
x = layers.DepthwiseConv2D(kernel_size=5)(x)
x = layers.Activation("gelu")(x)
x = layers.BatchNormalization()(x)
x = layers.Add()([x, x0])
x = layers.Conv2D(64, kernel_size=1)(x)
x = layers.Activation("gelu")(x)
x = layers.BatchNormalization()(x)
x = layers.GlobalAvgPool2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.summary()
