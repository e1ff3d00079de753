# Cats-vs-dogs photo classifier on a tf.data pipeline: raw uint8 pixel rows and integer
# class ids are parsed into float images, shuffled, repeated and batched; a small convnet
# ends in one logit per class and is trained with sparse softmax cross-entropy.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

IMG = 40
CLASS_NAMES = ["cat", "dog"]
NUM_CLASSES = len(CLASS_NAMES)

rng = np.random.default_rng(80)
pixel_rows = rng.integers(0, 256, size=(80, IMG * IMG * 3), dtype=np.uint8)
targets = rng.integers(0, NUM_CLASSES, size=(80,))


def decode(row, target):
    picture = tf.reshape(tf.cast(row, tf.float32) / 255.0, (IMG, IMG, 3))
    return picture, tf.cast(target, tf.int32)


dataset = (tf.data.Dataset.from_tensor_slices((pixel_rows, targets))
           .map(decode)
           .shuffle(80)
           .repeat(2)
           .batch(16))

classifier = keras.Sequential([
    keras.Input(shape=(IMG, IMG, 3)),
    layers.Conv2D(16, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(2),
    layers.Conv2D(32, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(2),
    layers.Flatten(),
    layers.Dense(48, activation="relu"),
    layers.Dense(NUM_CLASSES),
])
classifier.compile(optimizer=keras.optimizers.Adam(1e-4),
                   loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                   metrics=["accuracy"])
classifier.fit(dataset, epochs=1, verbose=0)
probe = tf.reshape(tf.cast(pixel_rows[:4], tf.float32) / 255.0, (4, IMG, IMG, 3))
print([CLASS_NAMES[i] for i in classifier.predict(probe, verbose=0).argmax(-1)])
