import numpy as np
import keras
from keras import layers


def attention_gate(x, g, inter_channels):
    theta_x = layers.Conv2D(inter_channels, 2, padding="same")(x)
    phi_g = layers.Conv2D(inter_channels, 1, padding="same")(g)
    f = layers.Activation("relu")(layers.add([theta_x, phi_g]))
    psi = layers.Conv2D(1, 1, activation="sigmoid")(f)
    rate = layers.UpSampling2D(2)(psi)
    return layers.multiply([x, rate])


# Attention U-Net: the coarser decoder map gates the skip connection before it is concatenated.
inputs = keras.Input(shape=(32, 32, 1))
c1 = layers.Conv2D(16, 3, activation="relu", padding="same")(inputs)
p1 = layers.MaxPooling2D(2)(c1)
c2 = layers.Conv2D(32, 3, activation="relu", padding="same")(p1)
p2 = layers.MaxPooling2D(2)(c2)
c3 = layers.Conv2D(64, 3, activation="relu", padding="same")(p2)
a2 = attention_gate(c2, c3, 16)
u2 = layers.UpSampling2D(2)(c3)
m2 = layers.Concatenate()([u2, a2])
c4 = layers.Conv2D(32, 3, activation="relu", padding="same")(m2)
u1 = layers.UpSampling2D(2)(c4)
m1 = layers.Concatenate()([u1, c1])
c5 = layers.Conv2D(16, 3, activation="relu", padding="same")(m1)
outputs = layers.Conv2D(1, 1, activation="sigmoid")(c5)
model = keras.Model(inputs, outputs)

images = np.random.rand(4, 32, 32, 1).astype("float32")
masks = (np.random.rand(4, 32, 32, 1) > 0.5).astype("float32")
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(images, masks, epochs=1, batch_size=2, verbose=0)
