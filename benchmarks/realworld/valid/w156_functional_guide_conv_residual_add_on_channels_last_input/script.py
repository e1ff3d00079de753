# Functional API guide, "residual connection on a convolution layer" (x + Conv2D(x)),
# as the first block of a small 4-class texture classifier on 3-channel 96x96 patches,
# with the input declared channels-last like the data.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(9)
patches = rng.random((64, 96, 96, 3)).astype("float32")
texture = rng.integers(0, 4, size=(64,))

# input tensor for a 3-channel 96x96 image
x = keras.Input(shape=(96, 96, 3))
# 3x3 conv with 3 output channels (same as input channels)
y = layers.Conv2D(3, (3, 3), padding="same")(x)
# this returns x + y
z = layers.add([x, y])
h = layers.Conv2D(16, (3, 3), strides=2, activation="relu")(z)
h = layers.GlobalAveragePooling2D()(h)
out = layers.Dense(4, activation="softmax")(h)

texture_net = keras.Model(x, out)
texture_net.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
texture_net.fit(patches, texture, epochs=2, batch_size=16, verbose=0)
print(texture_net.predict(patches[:2], verbose=0).shape)
