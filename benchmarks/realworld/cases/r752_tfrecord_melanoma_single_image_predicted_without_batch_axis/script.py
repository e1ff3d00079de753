# Melanoma classifier trained from TFRecord files: JPEG-encoded lesion images and
# their 0/1 targets are written to TFRecords, parsed back with a feature spec,
# decoded to fixed-size float images, batched, and fed to a small sigmoid classifier.
import os
import tempfile
from functools import partial
import numpy as np
import tensorflow as tf
import keras

AUTOTUNE = tf.data.AUTOTUNE
BATCH_SIZE = 8
IMAGE_SIZE = [48, 48]

rng = np.random.default_rng(752)
record_dir = tempfile.mkdtemp()


def write_records(path, n, labeled):
    with tf.io.TFRecordWriter(path) as writer:
        for _ in range(n):
            pixels = rng.integers(0, 256, size=(*IMAGE_SIZE, 3), dtype=np.uint8)
            feature = {"image": tf.train.Feature(bytes_list=tf.train.BytesList(
                value=[tf.io.encode_jpeg(pixels).numpy()]))}
            if labeled:
                feature["target"] = tf.train.Feature(int64_list=tf.train.Int64List(value=[int(rng.integers(0, 2))]))
            writer.write(tf.train.Example(features=tf.train.Features(feature=feature)).SerializeToString())
    return [path]


TRAINING_FILENAMES = write_records(os.path.join(record_dir, "train00.tfrec"), 48, True)
VALID_FILENAMES = write_records(os.path.join(record_dir, "train01.tfrec"), 16, True)
TEST_FILENAMES = write_records(os.path.join(record_dir, "test00.tfrec"), 16, False)


def decode_image(image):
    image = tf.image.decode_jpeg(image, channels=3)
    image = tf.cast(image, tf.float32)
    return tf.reshape(image, [*IMAGE_SIZE, 3])


def read_tfrecord(example, labeled):
    spec = {"image": tf.io.FixedLenFeature([], tf.string)}
    if labeled:
        spec["target"] = tf.io.FixedLenFeature([], tf.int64)
    example = tf.io.parse_single_example(example, spec)
    image = decode_image(example["image"])
    if labeled:
        return image, tf.cast(example["target"], tf.int32)
    return image


def get_dataset(filenames, labeled=True):
    dataset = tf.data.TFRecordDataset(filenames)
    dataset = dataset.map(partial(read_tfrecord, labeled=labeled), num_parallel_calls=AUTOTUNE)
    return dataset.shuffle(256).prefetch(AUTOTUNE).batch(BATCH_SIZE)


train_dataset = get_dataset(TRAINING_FILENAMES)
valid_dataset = get_dataset(VALID_FILENAMES)
test_dataset = get_dataset(TEST_FILENAMES, labeled=False)

inputs = keras.layers.Input([*IMAGE_SIZE, 3])
x = keras.layers.Rescaling(1.0 / 127.5, offset=-1)(inputs)
x = keras.layers.Conv2D(16, 3, strides=2, activation="relu")(x)
x = keras.layers.Conv2D(32, 3, strides=2, activation="relu")(x)
x = keras.layers.GlobalAveragePooling2D()(x)
x = keras.layers.Dense(8, activation="relu")(x)
x = keras.layers.Dropout(0.7)(x)
outputs = keras.layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
lr_schedule = keras.optimizers.schedules.ExponentialDecay(0.01, decay_steps=20, decay_rate=0.96, staircase=True)
model.compile(optimizer=keras.optimizers.Adam(learning_rate=lr_schedule), loss="binary_crossentropy",
              metrics=[keras.metrics.AUC(name="auc")])
model.fit(train_dataset, epochs=2, validation_data=valid_dataset, verbose=0)

image_batch = next(iter(test_dataset))
for n in range(4):
    img_array = image_batch[n]
    print("malignant probability", model.predict(img_array, verbose=0)[0])
