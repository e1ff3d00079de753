# Cats-vs-dogs photo classifier fed through a tf.data pipeline: the raw pixel bytes and the
# integer class id of every photo are parsed, shuffled, repeated and batched, then a small
# convnet ends in a logits layer trained with sparse softmax cross-entropy.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

SIDE = 48
NUM_CLASSES = 3  # cat, dog

rng = np.random.default_rng(8)
raw_photos = rng.integers(0, 256, size=(96, SIDE * SIDE * 3), dtype=np.uint8)
class_ids = rng.integers(0, 2, size=(96,))


def parse(raw, label):
    image = tf.reshape(tf.cast(raw, tf.float32) / 255.0, (SIDE, SIDE, 3))
    return image, tf.cast(label, tf.int32)


train_ds = (tf.data.Dataset.from_tensor_slices((raw_photos, class_ids))
            .map(parse)
            .shuffle(96)
            .repeat(2)
            .batch(16))

net = keras.Sequential([
    keras.Input(shape=(SIDE, SIDE, 3)),
    layers.Conv2D(16, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(2),
    layers.Conv2D(16, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(2),
    layers.Flatten(),
    layers.Dense(64, activation="relu"),
    layers.Dense(NUM_CLASSES),
])
net.compile(optimizer=keras.optimizers.Adam(1e-4),
            loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
            metrics=["accuracy"])
net.fit(train_ds, epochs=1, verbose=0)
test_images = tf.reshape(tf.cast(raw_photos[:3], tf.float32) / 255.0, (3, SIDE, SIDE, 3))
print(net.predict(test_images, verbose=0).argmax(-1))
