"""Binary segmentation with a small U-Net (sigmoid mask output).

The images come from two folders, 'with_object' and 'empty'; the training
pipeline is built like a classification pipeline."""
import numpy as np
import tensorflow as tf
import keras
from keras import layers

H = W = 32
rng = np.random.default_rng(2)
images = rng.random((64, H, W, 3)).astype("float32")
masks = (rng.random((64, H, W, 1)) > 0.8).astype("float32")  # per-pixel targets
folder_labels = (masks.reshape(64, -1).max(axis=1)).astype("float32")  # 1 = folder 'with_object'

train_ds = tf.data.Dataset.from_tensor_slices((images, folder_labels)).shuffle(64).batch(16)


def small_unet(input_shape):
    inputs = keras.Input(input_shape)
    c1 = layers.Conv2D(8, 3, padding="same", activation="relu")(inputs)
    p1 = layers.MaxPooling2D()(c1)
    c2 = layers.Conv2D(16, 3, padding="same", activation="relu")(p1)
    u1 = layers.UpSampling2D()(c2)
    m1 = layers.Concatenate()([u1, c1])
    c3 = layers.Conv2D(8, 3, padding="same", activation="relu")(m1)
    outputs = layers.Conv2D(1, 1, activation="sigmoid")(c3)
    return keras.Model(inputs, outputs)


model = small_unet((H, W, 3))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(train_ds, epochs=2, verbose=0)
