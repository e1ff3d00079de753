import numpy as np
import keras
from keras import layers

# Encoder of strided convolutions, decoder of transposed convolutions, skips concatenated.
image_size = 60
inputs = keras.Input(shape=(image_size, image_size, 3))
e1 = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(inputs)
e2 = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(e1)
e3 = layers.Conv2D(64, 3, strides=2, padding="same", activation="relu")(e2)
d2 = layers.Conv2DTranspose(32, (2, 2), strides=(2, 2), padding="same")(e3)
d2 = layers.concatenate([d2, e2], axis=3)
d2 = layers.Conv2D(32, 3, padding="same", activation="relu")(d2)
d1 = layers.Conv2DTranspose(16, (2, 2), strides=(2, 2), padding="same")(d2)
d1 = layers.concatenate([d1, e1], axis=3)
d1 = layers.Conv2D(16, 3, padding="same", activation="relu")(d1)
d0 = layers.Conv2DTranspose(8, (2, 2), strides=(2, 2), padding="same")(d1)
outputs = layers.Conv2D(1, 1, activation="sigmoid")(d0)
model = keras.Model(inputs, outputs)

images = np.random.rand(4, image_size, image_size, 3).astype("float32")
masks = model.predict(images, verbose=0)
print(masks.shape)
