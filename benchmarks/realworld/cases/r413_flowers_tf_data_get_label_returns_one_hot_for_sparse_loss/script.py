# Flower photos loaded with tf.data from class sub-folders, labels taken from the folder name.
import os
import pathlib
import tempfile

import numpy as np
import tensorflow as tf

data_dir = pathlib.Path(tempfile.mkdtemp()) / "flower_photos"
rng = np.random.default_rng(0)
for flower in ["daisy", "dandelion", "roses", "sunflowers", "tulips"]:
    (data_dir / flower).mkdir(parents=True)
    for i in range(12):
        pixels = rng.integers(0, 256, size=(48, 48, 3), dtype=np.uint8)
        tf.io.write_file(str(data_dir / flower / f"{i}.jpg"), tf.io.encode_jpeg(pixels))

batch_size = 16
img_height = img_width = 40
AUTOTUNE = tf.data.AUTOTUNE
image_count = len(list(data_dir.glob("*/*.jpg")))

list_ds = tf.data.Dataset.list_files(str(data_dir / "*/*"), shuffle=False)
list_ds = list_ds.shuffle(image_count, reshuffle_each_iteration=False)
class_names = np.array(sorted([item.name for item in data_dir.glob("*")]))
val_size = int(image_count * 0.2)
train_ds = list_ds.skip(val_size)
val_ds = list_ds.take(val_size)


def get_label(file_path):
    parts = tf.strings.split(file_path, os.path.sep)
    one_hot = parts[-2] == class_names
    return tf.cast(one_hot, tf.float32)


def decode_img(img):
    img = tf.io.decode_jpeg(img, channels=3)
    return tf.image.resize(img, [img_height, img_width])


def process_path(file_path):
    label = get_label(file_path)
    img = decode_img(tf.io.read_file(file_path))
    return img, label


def configure_for_performance(ds):
    ds = ds.cache()
    ds = ds.shuffle(buffer_size=1000)
    ds = ds.batch(batch_size)
    return ds.prefetch(buffer_size=AUTOTUNE)


train_ds = configure_for_performance(train_ds.map(process_path, num_parallel_calls=AUTOTUNE))
val_ds = configure_for_performance(val_ds.map(process_path, num_parallel_calls=AUTOTUNE))

num_classes = 5
model = tf.keras.Sequential([
    tf.keras.layers.Rescaling(1. / 255),
    tf.keras.layers.Conv2D(16, 3, activation="relu"),
    tf.keras.layers.MaxPooling2D(),
    tf.keras.layers.Conv2D(16, 3, activation="relu"),
    tf.keras.layers.MaxPooling2D(),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(32, activation="relu"),
    tf.keras.layers.Dense(num_classes),
])
model.compile(optimizer="adam",
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])
model.fit(train_ds, validation_data=val_ds, epochs=2, verbose=0)
print(model.evaluate(val_ds, verbose=0))
