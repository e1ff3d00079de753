# Binary segmentation (one object class on background) with a small DeepLabV3+-style
# network: atrous convolutions, an ASPP block, bilinear upsampling back to the input size
# and a 1x1 classifier with one channel per class.
import numpy as np
import keras
from keras import layers


def deeplab_lite(input_shape=(64, 64, 3), classes=21):
    img = keras.Input(shape=input_shape)
    x = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(img)
    x = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(x)
    low_level = x
    x = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(x)
    branches = [layers.Conv2D(16, 1, padding="same", activation="relu")(x)]
    for rate in (2, 4):
        branches.append(layers.Conv2D(16, 3, padding="same", dilation_rate=rate, activation="relu")(x))
    x = layers.Concatenate()(branches)
    x = layers.Conv2D(32, 1, activation="relu")(x)
    x = layers.UpSampling2D(2, interpolation="bilinear")(x)
    x = layers.Concatenate()([x, low_level])
    x = layers.Conv2D(32, 3, padding="same", activation="relu")(x)
    x = layers.Conv2D(classes, 1, padding="same")(x)
    x = layers.UpSampling2D(4, interpolation="bilinear")(x)
    return keras.Model(img, x, name="deeplab_lite")


rng = np.random.default_rng(873)
images = rng.random((48, 64, 64, 3)).astype("float32")
masks = (rng.random((48, 64, 64, 1)) > 0.8).astype("float32")

base = deeplab_lite(input_shape=(64, 64, 3), classes=2)
out = layers.Activation("sigmoid")(base.output)
model = keras.Model(base.input, out)
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy", metrics=["accuracy"])
model.fit(images, masks, batch_size=8, epochs=2, verbose=0)
print("trained")
