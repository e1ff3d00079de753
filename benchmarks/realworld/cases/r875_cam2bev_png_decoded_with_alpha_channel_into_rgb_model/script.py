# Cam2BEV-style model: a semantically segmented front-camera image (colour-coded classes)
# is turned into a bird's-eye-view class map. The segmented frames arrive as PNG bytes, as
# they would be read from disk, and are decoded and resized in the tf.data pipeline.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

IMG_H, IMG_W, N_CLASSES = 32, 64, 5
palette = np.array([[128, 64, 128], [244, 35, 232], [0, 0, 0], [255, 0, 0], [70, 70, 70]], dtype="uint8")
rng = np.random.default_rng(875)

pngs, bev_labels = [], []
for _ in range(48):
    ids = rng.integers(0, N_CLASSES, size=(IMG_H, IMG_W))
    rgba = np.concatenate([palette[ids], np.full((IMG_H, IMG_W, 1), 255, "uint8")], axis=-1)
    pngs.append(tf.io.encode_png(rgba).numpy())
    bev_labels.append(np.eye(N_CLASSES, dtype="float32")[rng.integers(0, N_CLASSES, size=(IMG_H, IMG_W))])


def load_image(png_bytes):
    img = tf.image.decode_png(png_bytes)
    img = tf.image.resize(img, (IMG_H, IMG_W), method="nearest")
    return tf.cast(img, tf.float32) / 255.0


ds = tf.data.Dataset.from_tensor_slices((pngs, np.stack(bev_labels)))
ds = ds.map(lambda p, y: (load_image(p), y)).batch(8)

inp = keras.Input(shape=(IMG_H, IMG_W, 3))
x = layers.Conv2D(16, 3, padding="same", activation="relu")(inp)
skip = x
x = layers.MaxPooling2D()(x)
x = layers.Conv2D(32, 3, padding="same", activation="relu")(x)
x = layers.Conv2DTranspose(16, 3, strides=2, padding="same", activation="relu")(x)
x = layers.Concatenate()([x, skip])
out = layers.Conv2D(N_CLASSES, 1, activation="softmax")(x)
model = keras.Model(inp, out)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])

model.fit(ds, epochs=2, verbose=0)
print("trained")
