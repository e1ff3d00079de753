# YOLO-style detector: run on a folder of images in batches of 10 through tf.data instead of one image at a time.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

SIZE, NUM_CLASSES, ANCHORS = 64, 4, 3


def transform_images(x, size):
    return tf.image.resize(x, (size, size)) / 255.0


def yolo_like(size=SIZE):
    inp = keras.Input(shape=(size, size, 3), name="input")
    x = inp
    for filters in (16, 32, 64):
        x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
        x = layers.MaxPooling2D()(x)
    x = layers.Conv2D(ANCHORS * (5 + NUM_CLASSES), 1)(x)
    out = layers.Reshape((size // 8, size // 8, ANCHORS, 5 + NUM_CLASSES))(x)
    return keras.Model(inp, out, name="yolov3_like")


yolo = yolo_like()
rng = np.random.default_rng(95)

pars = []
for _ in range(30):
    img_raw = tf.constant(rng.integers(0, 256, size=(96, 128, 3)), dtype=tf.float32)
    img = tf.expand_dims(img_raw, 0)
    img = transform_images(img, SIZE)
    pars.append(img)

input_queue = tf.data.Dataset.from_tensor_slices(pars).batch(10)
outputs = yolo.predict(input_queue, verbose=0)
print("grid outputs:", outputs.shape)
