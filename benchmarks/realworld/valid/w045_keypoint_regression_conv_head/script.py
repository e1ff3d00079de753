import numpy as np
import keras
from keras import layers

IMG_SIZE = 64
NUM_KEYPOINTS = 24 * 2

images = np.random.rand(16, IMG_SIZE, IMG_SIZE, 3).astype("float32")
keypoints = np.random.rand(16, 1, 1, NUM_KEYPOINTS).astype("float32")

backbone = keras.Sequential([
    keras.Input((IMG_SIZE, IMG_SIZE, 3)),
    layers.Conv2D(16, 3, strides=2, padding="same", activation="relu"),
    layers.Conv2D(32, 3, strides=2, padding="same", activation="relu"),
    layers.Conv2D(32, 3, strides=2, padding="same", activation="relu"),
], name="backbone")

inputs = layers.Input((IMG_SIZE, IMG_SIZE, 3))
x = keras.applications.mobilenet_v2.preprocess_input(inputs)
x = backbone(x)
x = layers.Dropout(0.3)(x)
x = layers.SeparableConv2D(NUM_KEYPOINTS, kernel_size=5, strides=1, activation="relu")(x)
outputs = layers.SeparableConv2D(NUM_KEYPOINTS, kernel_size=4, strides=1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs, name="keypoint_detector")
model.compile(loss="mse", optimizer=keras.optimizers.Adam(1e-4))
model.fit(images, keypoints, epochs=1, batch_size=8, verbose=0)
