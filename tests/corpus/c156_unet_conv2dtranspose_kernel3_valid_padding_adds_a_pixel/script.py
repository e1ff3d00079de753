import numpy as np
import keras
from keras import layers

# Small U-Net for 64x64 masks; the decoder upsamples with transposed convolutions.
inputs = keras.Input(shape=(64, 64, 3))
c1 = layers.Conv2D(16, 3, activation="relu", padding="same")(inputs)
p1 = layers.MaxPooling2D(2)(c1)
c2 = layers.Conv2D(32, 3, activation="relu", padding="same")(p1)
p2 = layers.MaxPooling2D(2)(c2)
c3 = layers.Conv2D(64, 3, activation="relu", padding="same")(p2)
u2 = layers.Conv2DTranspose(32, 3, strides=2)(c3)
m2 = layers.Concatenate()([u2, c2])
c4 = layers.Conv2D(32, 3, activation="relu", padding="same")(m2)
u1 = layers.Conv2DTranspose(16, 3, strides=2, padding="same")(c4)
m1 = layers.Concatenate()([u1, c1])
c5 = layers.Conv2D(16, 3, activation="relu", padding="same")(m1)
outputs = layers.Conv2D(1, 1, activation="sigmoid")(c5)
model = keras.Model(inputs, outputs)

images = np.random.rand(8, 64, 64, 3).astype("float32")
masks = (np.random.rand(8, 64, 64, 1) > 0.5).astype("float32")
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(images, masks, epochs=1, batch_size=4, verbose=0)
