# Distributed training with Keras Model.fit and MirroredStrategy on MNIST-like data (random stand-in).
import numpy as np
import tensorflow as tf
import keras
from keras import layers

strategy = tf.distribute.MirroredStrategy()
BUFFER_SIZE = 1000
BATCH_SIZE_PER_REPLICA = 32
BATCH_SIZE = BATCH_SIZE_PER_REPLICA * strategy.num_replicas_in_sync

rng = np.random.default_rng(6)
images = rng.integers(0, 256, size=(512, 28, 28, 1)).astype("uint8")
labels = rng.integers(0, 10, size=(512,)).astype("int64")
mnist_train = tf.data.Dataset.from_tensor_slices((images, labels))


def scale(image, label):
    image = tf.cast(image, tf.float32)
    image /= 255
    return image, label


train_dataset = mnist_train.map(scale).cache().shuffle(BUFFER_SIZE)

with strategy.scope():
    model = keras.Sequential([
        keras.Input(shape=(28, 28, 1)),
        layers.Conv2D(32, 3, activation="relu"),
        layers.MaxPooling2D(),
        layers.Flatten(),
        layers.Dense(64, activation="relu"),
        layers.Dense(10),
    ])
    model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  optimizer=keras.optimizers.Adam(),
                  metrics=["accuracy"])

model.fit(train_dataset, epochs=1)
