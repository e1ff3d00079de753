# MobileNet-style U-Net for hair segmentation: depthwise-separable blocks downsample the
# image five times (to 1/32), then Conv2DTranspose layers upsample and concatenate the
# encoder maps of the same resolution. The training crops were changed from 128 to 240.
import numpy as np
import keras
from keras import layers

IMG_SIZE = 240


def sep_block(x, filters, strides):
    x = layers.DepthwiseConv2D(3, strides=strides, padding="same", activation="relu")(x)
    return layers.Conv2D(filters, 1, activation="relu")(x)


def mobile_unet(img_size):
    img = keras.Input(shape=(img_size, img_size, 3))
    b00 = layers.Conv2D(8, 3, strides=2, padding="same", activation="relu")(img)
    b01 = sep_block(b00, 16, 1)
    b03 = sep_block(b01, 32, 2)
    b05 = sep_block(b03, 64, 2)
    b11 = sep_block(b05, 128, 2)
    b13 = sep_block(b11, 256, 2)
    up1 = layers.concatenate([layers.Conv2DTranspose(64, 2, strides=2, padding="same")(b13), b11], axis=3)
    up2 = layers.concatenate([layers.Conv2DTranspose(32, 2, strides=2, padding="same")(up1), b05], axis=3)
    up3 = layers.concatenate([layers.Conv2DTranspose(16, 2, strides=2, padding="same")(up2), b03], axis=3)
    up4 = layers.concatenate([layers.Conv2DTranspose(8, 2, strides=2, padding="same")(up3), b01], axis=3)
    up5 = layers.Conv2DTranspose(8, 2, strides=2, padding="same")(up4)
    mask = layers.Conv2D(1, 1, activation="sigmoid")(up5)
    return keras.Model(img, mask)


model = mobile_unet(IMG_SIZE)
model.compile(optimizer="adam", loss="binary_crossentropy")
rng = np.random.default_rng(13)
images = rng.random((8, IMG_SIZE, IMG_SIZE, 3)).astype("float32")
masks = (rng.random((8, IMG_SIZE, IMG_SIZE, 1)) > 0.5).astype("float32")
model.fit(images, masks, batch_size=4, epochs=1, verbose=0)
