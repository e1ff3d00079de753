import numpy as np
import keras
from keras import layers

# A small U-Net for 100x76 scans: three poolings down, three upsamplings back.
inputs = keras.Input(shape=(100, 76, 1))
c1 = layers.Conv2D(8, 3, activation="relu", padding="same")(inputs)
p1 = layers.MaxPooling2D(pool_size=(2, 2))(c1)
c2 = layers.Conv2D(16, 3, activation="relu", padding="same")(p1)
p2 = layers.MaxPooling2D(pool_size=(2, 2))(c2)
c3 = layers.Conv2D(32, 3, activation="relu", padding="same")(p2)
p3 = layers.MaxPooling2D(pool_size=(2, 2))(c3)
c4 = layers.Conv2D(64, 3, activation="relu", padding="same")(p3)
u5 = layers.UpSampling2D(size=(2, 2))(c4)
u5 = layers.Conv2D(32, 2, activation="relu", padding="same")(u5)
m5 = layers.concatenate([c3, u5], axis=3)
c5 = layers.Conv2D(32, 3, activation="relu", padding="same")(m5)
u6 = layers.UpSampling2D(size=(2, 2))(c5)
u6 = layers.Conv2D(16, 2, activation="relu", padding="same")(u6)
m6 = layers.concatenate([c2, u6], axis=3)
c6 = layers.Conv2D(16, 3, activation="relu", padding="same")(m6)
u7 = layers.UpSampling2D(size=(2, 2))(c6)
u7 = layers.Conv2D(8, 2, activation="relu", padding="same")(u7)
m7 = layers.concatenate([c1, u7], axis=3)
c7 = layers.Conv2D(8, 3, activation="relu", padding="same")(m7)
outputs = layers.Conv2D(1, 1, activation="sigmoid")(c7)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.summary()
