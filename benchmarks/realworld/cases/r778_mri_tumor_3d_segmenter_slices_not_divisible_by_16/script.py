# 3-D tumour segmenter in the style of the autoencoder-regularized BraTS network: a
# residual encoder halves the volume four times with strided Conv3D, the decoder
# upsamples with UpSampling3D and adds the encoder map of the same level.
# The MRI volumes are used at their native number of slices (the real scans have 155).
import numpy as np
import keras
from keras import layers

ROWS, COLS = 32, 32
SLICES = 20
MODALITIES = 4


def green_block(x, filters):
    skip = layers.Conv3D(filters, 1)(x)
    y = layers.GroupNormalization(groups=2)(x)
    y = layers.Activation("relu")(y)
    y = layers.Conv3D(filters, 3, padding="same")(y)
    return layers.Add()([y, skip])


def build_segmenter():
    scan = keras.Input(shape=(ROWS, COLS, SLICES, MODALITIES))
    x = layers.Conv3D(4, 3, padding="same")(scan)
    level0 = green_block(x, 4)
    x = layers.Conv3D(8, 3, strides=2, padding="same")(level0)
    level1 = green_block(x, 8)
    x = layers.Conv3D(16, 3, strides=2, padding="same")(level1)
    level2 = green_block(x, 16)
    x = layers.Conv3D(32, 3, strides=2, padding="same")(level2)
    level3 = green_block(x, 32)
    x = layers.Conv3D(64, 3, strides=2, padding="same")(level3)
    bottom = green_block(x, 64)

    x = layers.Conv3D(32, 1)(bottom)
    x = layers.UpSampling3D(2)(x)
    x = layers.Add()([x, level3])
    x = green_block(x, 32)
    x = layers.Conv3D(16, 1)(x)
    x = layers.UpSampling3D(2)(x)
    x = layers.Add()([x, level2])
    x = green_block(x, 16)
    x = layers.Conv3D(8, 1)(x)
    x = layers.UpSampling3D(2)(x)
    x = layers.Add()([x, level1])
    x = green_block(x, 8)
    x = layers.Conv3D(4, 1)(x)
    x = layers.UpSampling3D(2)(x)
    x = layers.Add()([x, level0])
    x = green_block(x, 4)
    tumour = layers.Conv3D(3, 1, activation="sigmoid")(x)
    return keras.Model(scan, tumour)


model = build_segmenter()
model.compile(optimizer="adam", loss="binary_crossentropy")
rng = np.random.default_rng(5)
volumes = rng.normal(size=(4, ROWS, COLS, SLICES, MODALITIES)).astype("float32")
labels = (rng.random((4, ROWS, COLS, SLICES, 3)) > 0.9).astype("float32")
model.fit(volumes, labels, batch_size=2, epochs=1, verbose=0)
print("trained on", volumes.shape)
