# Small U-Net for retinal vessel patches (channels-last TensorFlow ordering).
import numpy as np
import keras
from keras import layers

patch_height, patch_width, n_ch = 48, 48, 1

inputs = keras.Input((patch_height, patch_width, n_ch))
conv1 = layers.Conv2D(32, (3, 3), activation="relu", padding="same")(inputs)
conv1 = layers.Dropout(0.2)(conv1)
conv1 = layers.Conv2D(32, (3, 3), activation="relu", padding="same")(conv1)
pool1 = layers.MaxPooling2D(pool_size=(2, 2))(conv1)

conv2 = layers.Conv2D(64, (3, 3), activation="relu", padding="same")(pool1)
conv2 = layers.Dropout(0.2)(conv2)
conv2 = layers.Conv2D(64, (3, 3), activation="relu", padding="same")(conv2)
pool2 = layers.MaxPooling2D(pool_size=(2, 2))(conv2)

conv3 = layers.Conv2D(128, (3, 3), activation="relu", padding="same")(pool2)
conv3 = layers.Dropout(0.2)(conv3)
conv3 = layers.Conv2D(128, (3, 3), activation="relu", padding="same")(conv3)

up1 = layers.UpSampling2D(size=(2, 2))(conv3)
up1 = layers.Concatenate(axis=1)([up1, conv2])
conv4 = layers.Conv2D(64, (3, 3), activation="relu", padding="same")(up1)
conv4 = layers.Conv2D(64, (3, 3), activation="relu", padding="same")(conv4)

up2 = layers.UpSampling2D(size=(2, 2))(conv4)
up2 = layers.Concatenate(axis=1)([up2, conv1])
conv5 = layers.Conv2D(32, (3, 3), activation="relu", padding="same")(up2)
conv5 = layers.Conv2D(32, (3, 3), activation="relu", padding="same")(conv5)

outputs = layers.Conv2D(1, (1, 1), activation="sigmoid")(conv5)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")

x = np.random.rand(16, patch_height, patch_width, n_ch).astype("float32")
y = (np.random.rand(16, patch_height, patch_width, 1) > 0.8).astype("float32")
model.fit(x, y, epochs=1, batch_size=8, verbose=0)
