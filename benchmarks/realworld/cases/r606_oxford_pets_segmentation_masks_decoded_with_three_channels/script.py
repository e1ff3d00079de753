# Pet segmentation with a small U-Net-style model: images and trimap masks (pixel classes
# 1, 2, 3) are read from PNG files with tf.data; labels become 0, 1, 2 per pixel.
import os
import tempfile
import numpy as np
import keras
from keras import layers
from tensorflow import data as tf_data
from tensorflow import image as tf_image
from tensorflow import io as tf_io

img_size = (64, 64)
num_classes = 3
batch_size = 4

rng = np.random.default_rng(21)
folder = tempfile.mkdtemp()
input_img_paths, target_img_paths = [], []
for i in range(12):
    img_path = os.path.join(folder, f"pet_{i}.png")
    mask_path = os.path.join(folder, f"pet_{i}_trimap.png")
    tf_io.write_file(img_path, tf_io.encode_png(rng.integers(0, 256, size=(80, 72, 3)).astype("uint8")))
    tf_io.write_file(mask_path, tf_io.encode_png(rng.integers(1, 4, size=(80, 72, 1)).astype("uint8")))
    input_img_paths.append(img_path)
    target_img_paths.append(mask_path)


def get_dataset(batch_size, img_size, input_img_paths, target_img_paths):
    def load_img_masks(input_img_path, target_img_path):
        input_img = tf_io.read_file(input_img_path)
        input_img = tf_io.decode_png(input_img, channels=3)
        input_img = tf_image.resize(input_img, img_size)
        input_img = tf_image.convert_image_dtype(input_img, "float32")

        target_img = tf_io.read_file(target_img_path)
        target_img = tf_io.decode_png(target_img, channels=3)
        target_img = tf_image.resize(target_img, img_size, method="nearest")
        target_img = tf_image.convert_image_dtype(target_img, "uint8")
        target_img -= 1
        return input_img, target_img

    dataset = tf_data.Dataset.from_tensor_slices((input_img_paths, target_img_paths))
    dataset = dataset.map(load_img_masks, num_parallel_calls=tf_data.AUTOTUNE)
    return dataset.batch(batch_size)


def get_model(img_size, num_classes):
    inputs = keras.Input(shape=img_size + (3,))
    x = layers.Rescaling(1.0 / 255)(inputs)
    x = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(x)
    x = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(x)
    x = layers.Conv2DTranspose(32, 3, strides=2, padding="same", activation="relu")(x)
    x = layers.Conv2DTranspose(16, 3, strides=2, padding="same", activation="relu")(x)
    outputs = layers.Conv2D(num_classes, 3, activation="softmax", padding="same")(x)
    return keras.Model(inputs, outputs)


train_dataset = get_dataset(batch_size, img_size, input_img_paths, target_img_paths)
model = get_model(img_size, num_classes)
model.compile(optimizer=keras.optimizers.Adam(1e-4), loss="sparse_categorical_crossentropy")
model.fit(train_dataset, epochs=1, verbose=0)
print(model.predict(train_dataset.take(1), verbose=0).shape)
