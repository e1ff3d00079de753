import numpy as np
import keras
from keras import layers

inputs = keras.Input(shape=(32, 32, 1))
c1 = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
p1 = layers.MaxPooling2D(2)(c1)
c2 = layers.Conv2D(32, 3, activation="relu")(p1)
u1 = layers.UpSampling2D(2)(c2)
m1 = layers.Concatenate()([u1, c1])
c3 = layers.Conv2D(16, 3, padding="same", activation="relu")(m1)
outputs = layers.Conv2D(1, 1, activation="sigmoid")(c3)
unet = keras.Model(inputs, outputs)

masks = unet(np.random.rand(1, 32, 32, 1).astype("float32"))
print(masks.shape)
