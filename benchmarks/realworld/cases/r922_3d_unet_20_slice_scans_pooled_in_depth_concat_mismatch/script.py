import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(6)
# 8 brain scans, 20 axial slices of 32 x 32 each
scans = rng.random((8, 20, 32, 32, 1)).astype("float32")
masks = (rng.random((8, 20, 32, 32, 1)) > 0.7).astype("float32")

img_depth, img_rows, img_cols = scans.shape[1:4]
pool = (2, 2, 2)


def double_conv(t, filters):
    t = layers.Conv3D(filters, (3, 3, 3), activation="relu", padding="same")(t)
    return layers.Conv3D(filters, (3, 3, 3), activation="relu", padding="same")(t)


inputs = keras.Input((img_depth, img_rows, img_cols, 1))
conv1 = double_conv(inputs, 8)
pool1 = layers.MaxPooling3D(pool_size=pool)(conv1)
conv2 = double_conv(pool1, 16)
pool2 = layers.MaxPooling3D(pool_size=pool)(conv2)
conv3 = double_conv(pool2, 32)
pool3 = layers.MaxPooling3D(pool_size=pool)(conv3)
conv4 = double_conv(pool3, 64)

up5 = layers.Conv3DTranspose(32, (2, 2, 2), strides=pool, padding="same")(conv4)
up5 = layers.concatenate([up5, conv3], axis=4)
conv5 = double_conv(up5, 32)
up6 = layers.Conv3DTranspose(16, (2, 2, 2), strides=pool, padding="same")(conv5)
up6 = layers.concatenate([up6, conv2], axis=4)
conv6 = double_conv(up6, 16)
up7 = layers.Conv3DTranspose(8, (2, 2, 2), strides=pool, padding="same")(conv6)
up7 = layers.concatenate([up7, conv1], axis=4)
conv7 = double_conv(up7, 8)
outputs = layers.Conv3D(1, (1, 1, 1), activation="sigmoid")(conv7)

model = keras.Model(inputs, outputs)
model.compile(optimizer=keras.optimizers.Adam(1e-4), loss="binary_crossentropy")
model.fit(scans, masks, batch_size=2, epochs=1, verbose=0)
print("segmented", model.predict(scans[:1], verbose=0).shape)
