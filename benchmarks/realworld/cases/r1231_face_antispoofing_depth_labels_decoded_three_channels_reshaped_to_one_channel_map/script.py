import numpy as np
import tensorflow as tf
import keras
from keras import layers

# face anti-spoofing with depth supervision: live faces get a pseudo-depth map, spoof faces an all-zero map
IMG_SIZE, DEPTH_SIZE = 64, 8
rng = np.random.default_rng(6)
image_bytes, depth_bytes, is_live = [], [], []
yy, xx = np.mgrid[0:DEPTH_SIZE, 0:DEPTH_SIZE]
face_depth = np.exp(-((yy - 3.5) ** 2 + (xx - 3.5) ** 2) / 8.0)
for i in range(32):
    live = i % 2
    face = rng.integers(0, 256, size=(IMG_SIZE, IMG_SIZE, 3), dtype=np.uint8)
    depth = (255 * face_depth * live).astype(np.uint8)[..., np.newaxis]
    image_bytes.append(tf.io.encode_png(face).numpy())
    depth_bytes.append(tf.io.encode_png(depth).numpy())   # depth labels stored as grayscale PNGs
    is_live.append(live)

def parse_sample(image_png, depth_png):
    image = tf.cast(tf.io.decode_png(image_png, channels=3), tf.float32) / 255.0
    depth = tf.cast(tf.io.decode_png(depth_png, channels=3), tf.float32) / 255.0
    depth = tf.reshape(depth, [DEPTH_SIZE, DEPTH_SIZE, 1])
    return image, depth

train_ds = (tf.data.Dataset.from_tensor_slices((image_bytes, depth_bytes))
            .map(parse_sample).shuffle(32).batch(8))

inputs = keras.Input(shape=(IMG_SIZE, IMG_SIZE, 3))
x = inputs
for filters in (16, 32, 32):
    x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    x = layers.MaxPooling2D(2)(x)
depth_map = layers.Conv2D(1, 3, padding="same", activation="sigmoid", name="depth")(x)
model = keras.Model(inputs, depth_map)
model.compile(optimizer="adam", loss="mse")
model.fit(train_ds, epochs=2, verbose=0)

pred_depth = model.predict(train_ds.take(1), verbose=0)
liveness_score = pred_depth.mean(axis=(1, 2, 3))
print("depth maps:", pred_depth.shape, "liveness scores:", np.round(liveness_score, 3))
