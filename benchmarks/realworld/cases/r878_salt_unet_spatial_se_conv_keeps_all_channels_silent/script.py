# Salt-body segmentation U-Net with concurrent spatial and channel squeeze & excitation
# (scSE) blocks in the decoder: cSE reweights channels from a pooled vector, sSE reweights
# pixels from a 1x1 convolution over the channels.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(878)
seismic = rng.random((48, 32, 32, 1)).astype("float32")
salt_masks = (rng.random((48, 32, 32, 1)) > 0.6).astype("float32")


def cse_block(prevlayer, prefix):
    channels = prevlayer.shape[-1]
    se = layers.GlobalAveragePooling2D(name=prefix + "_pool")(prevlayer)
    se = layers.Dense(channels // 2, activation="relu", name=prefix + "_fc1")(se)
    se = layers.Dense(channels, activation="sigmoid", name=prefix + "_fc2")(se)
    se = layers.Reshape((1, 1, channels))(se)
    return layers.Multiply(name=prefix + "_mul")([prevlayer, se])


def sse_block(prevlayer, prefix):
    conv = layers.Conv2D(prevlayer.shape[3], (1, 1), padding="same", kernel_initializer="he_normal",
                         activation="sigmoid", strides=(1, 1), name=prefix + "_conv")(prevlayer)
    return layers.Multiply(name=prefix + "_mul")([prevlayer, conv])


def csse_block(x, prefix):
    return layers.Add(name=prefix + "_add")([cse_block(x, prefix + "_cse"), sse_block(x, prefix + "_sse")])


inp = keras.Input(shape=(32, 32, 1))
c1 = layers.Conv2D(16, 3, padding="same", activation="relu")(inp)
p1 = layers.MaxPooling2D()(c1)
c2 = layers.Conv2D(32, 3, padding="same", activation="relu")(p1)
p2 = layers.MaxPooling2D()(c2)
mid = layers.Conv2D(64, 3, padding="same", activation="relu")(p2)
u2 = layers.Concatenate()([layers.UpSampling2D()(mid), c2])
d2 = csse_block(layers.Conv2D(32, 3, padding="same", activation="relu")(u2), "dec2")
u1 = layers.Concatenate()([layers.UpSampling2D()(d2), c1])
d1 = csse_block(layers.Conv2D(16, 3, padding="same", activation="relu")(u1), "dec1")
out = layers.Conv2D(1, 1, activation="sigmoid")(d1)
unet = keras.Model(inp, out)
unet.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])

unet.fit(seismic, salt_masks, batch_size=8, epochs=2, verbose=0)
print("mean salt probability:", float(unet.predict(seismic[:4], verbose=0).mean()))
