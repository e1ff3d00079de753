# Mobile U-Net style segmenter (depthwise-separable encoder, upsampling decoder with skip
# connections) extended from binary hair masks to several classes: hair, face, background.
import numpy as np
import keras
from keras import layers

IMG, N_CLASSES = 64, 3


def sep_block(x, filters, strides=1):
    x = layers.DepthwiseConv2D(3, strides=strides, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    x = layers.ReLU(6.0)(x)
    x = layers.Conv2D(filters, 1, use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    return layers.ReLU(6.0)(x)


img_in = keras.Input(shape=(IMG, IMG, 3))
b00 = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(img_in)   # 32
b01 = sep_block(b00, 32)
b03 = sep_block(b01, 64, strides=2)                                                # 16
b05 = sep_block(b03, 96, strides=2)                                                # 8
b11 = sep_block(b05, 128, strides=2)                                               # 4

up1 = layers.Concatenate()([layers.Conv2DTranspose(96, 4, strides=2, padding="same")(b11), b05])
b14 = sep_block(up1, 96)
up2 = layers.Concatenate()([layers.Conv2DTranspose(64, 4, strides=2, padding="same")(b14), b03])
b15 = sep_block(up2, 64)
up3 = layers.Concatenate()([layers.Conv2DTranspose(32, 4, strides=2, padding="same")(b15), b01])
b16 = sep_block(up3, 32)
b17 = layers.Conv2DTranspose(16, 4, strides=2, padding="same")(b16)                # 64
b18 = sep_block(b17, 16)
probs = layers.Conv2D(N_CLASSES, 1, activation="softmax")(b18)

model = keras.Model(img_in, probs)

rng = np.random.default_rng(824)
images = rng.random((12, IMG, IMG, 3)).astype("float32")
masks = rng.integers(0, N_CLASSES, size=(12, IMG, IMG, 1)).astype("float32")

model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(images, masks, batch_size=4, epochs=1, verbose=0)
pred = model.predict(images[:2], verbose=0).argmax(axis=-1)
print("predicted label map:", pred.shape)
