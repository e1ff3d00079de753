"""U-Net for binary masks, resized to the data's own resolution instead of a multiple of 16."""
import numpy as np
import keras
from keras import layers

IMG_SIZE = 100
N_IMAGES = 8


def conv_block(x, filters):
    x = layers.Conv2D(filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(x)
    return layers.Conv2D(filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(x)


def unet(input_size=(IMG_SIZE, IMG_SIZE, 1), base=4):
    inputs = keras.Input(input_size)
    conv1 = conv_block(inputs, base)
    pool1 = layers.MaxPooling2D(pool_size=(2, 2))(conv1)
    conv2 = conv_block(pool1, base * 2)
    pool2 = layers.MaxPooling2D(pool_size=(2, 2))(conv2)
    conv3 = conv_block(pool2, base * 4)
    pool3 = layers.MaxPooling2D(pool_size=(2, 2))(conv3)
    conv4 = conv_block(pool3, base * 8)
    pool4 = layers.MaxPooling2D(pool_size=(2, 2))(conv4)
    conv5 = conv_block(pool4, base * 16)

    up6 = layers.Conv2D(base * 8, 2, activation="relu", padding="same")(layers.UpSampling2D(size=(2, 2))(conv5))
    merge6 = layers.concatenate([conv4, up6], axis=3)
    conv6 = conv_block(merge6, base * 8)
    up7 = layers.Conv2D(base * 4, 2, activation="relu", padding="same")(layers.UpSampling2D(size=(2, 2))(conv6))
    merge7 = layers.concatenate([conv3, up7], axis=3)
    conv7 = conv_block(merge7, base * 4)
    up8 = layers.Conv2D(base * 2, 2, activation="relu", padding="same")(layers.UpSampling2D(size=(2, 2))(conv7))
    merge8 = layers.concatenate([conv2, up8], axis=3)
    conv8 = conv_block(merge8, base * 2)
    up9 = layers.Conv2D(base, 2, activation="relu", padding="same")(layers.UpSampling2D(size=(2, 2))(conv8))
    merge9 = layers.concatenate([conv1, up9], axis=3)
    conv9 = conv_block(merge9, base)
    outputs = layers.Conv2D(1, 1, activation="sigmoid")(conv9)
    return keras.Model(inputs, outputs)


rng = np.random.default_rng(2)
images = rng.random((N_IMAGES, IMG_SIZE, IMG_SIZE, 1)).astype("float32")
masks = (rng.random((N_IMAGES, IMG_SIZE, IMG_SIZE, 1)) > 0.5).astype("float32")

model = unet()
model.compile(optimizer=keras.optimizers.Adam(1e-4), loss="binary_crossentropy", metrics=["accuracy"])
model.fit(images, masks, batch_size=2, epochs=1, verbose=0)
print(model.predict(images[:1], verbose=0).shape)
