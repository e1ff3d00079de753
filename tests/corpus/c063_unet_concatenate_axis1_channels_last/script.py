import numpy as np
import keras
from keras import layers

# Small U-Net on channels-last 32x32 patches.
inputs = keras.Input(shape=(32, 32, 1))
c1 = layers.Conv2D(16, 3, activation="relu", padding="same")(inputs)
p1 = layers.MaxPooling2D(2)(c1)
c2 = layers.Conv2D(32, 3, activation="relu", padding="same")(p1)
p2 = layers.MaxPooling2D(2)(c2)
c3 = layers.Conv2D(64, 3, activation="relu", padding="same")(p2)
u1 = layers.UpSampling2D(2)(c3)
m1 = layers.Concatenate(axis=1)([u1, c2])
c4 = layers.Conv2D(32, 3, activation="relu", padding="same")(m1)
u2 = layers.UpSampling2D(2)(c4)
m2 = layers.Concatenate(axis=-1)([u2, c1])
c5 = layers.Conv2D(16, 3, activation="relu", padding="same")(m2)
outputs = layers.Conv2D(1, 1, activation="sigmoid")(c5)
model = keras.Model(inputs, outputs)

images = np.random.rand(8, 32, 32, 1).astype("float32")
masks = (np.random.rand(8, 32, 32, 1) > 0.5).astype("float32")
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(images, masks, epochs=1, batch_size=4, verbose=0)
