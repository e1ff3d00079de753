# Leaf-disease classifier trained from a tf.data pipeline: the photos come from the
# field app at whatever resolution the phone used, are scaled to [0, 1] in a map step,
# shuffled and batched for a small CNN declared on 64x64 RGB input.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

IMG = 64
N_DISEASES = 4
rng = np.random.default_rng(3035)
photo_sizes = [(64, 64), (72, 96), (64, 64), (80, 60), (96, 96), (64, 80)] * 8
labels = rng.integers(0, N_DISEASES, size=len(photo_sizes))


def field_photos():
    for (h, w), label in zip(photo_sizes, labels):
        yield rng.integers(0, 256, size=(h, w, 3)).astype("uint8"), label


def to_unit_range(image, label):
    return tf.cast(image, tf.float32) / 255.0, label


photos = tf.data.Dataset.from_generator(
    field_photos,
    output_signature=(tf.TensorSpec(shape=(None, None, 3), dtype=tf.uint8),
                      tf.TensorSpec(shape=(), dtype=tf.int64)),
)
train_ds = photos.map(to_unit_range).shuffle(16).batch(8)

classifier = keras.Sequential([
    keras.Input(shape=(IMG, IMG, 3)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(32, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(N_DISEASES, activation="softmax"),
])
classifier.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
classifier.fit(train_ds, epochs=2, verbose=0)
print(classifier.evaluate(train_ds, verbose=0))
