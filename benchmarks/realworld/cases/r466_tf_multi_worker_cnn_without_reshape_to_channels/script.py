# CNN for multi-worker MNIST training (run here as a single worker, random stand-in data).
import numpy as np
import tensorflow as tf
import keras
from keras import layers


def mnist_dataset(batch_size):
    rng = np.random.default_rng(7)
    x_train = rng.integers(0, 256, size=(600, 28, 28)) / np.float32(255)
    y_train = rng.integers(0, 10, size=(600,)).astype(np.int64)
    train_dataset = tf.data.Dataset.from_tensor_slices(
        (x_train, y_train)).shuffle(600).repeat().batch(batch_size)
    return train_dataset


def build_and_compile_cnn_model():
    model = keras.Sequential([
        keras.Input(shape=(28, 28)),
        layers.Conv2D(32, 3, activation="relu"),
        layers.Flatten(),
        layers.Dense(128, activation="relu"),
        layers.Dense(10),
    ])
    model.compile(
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        optimizer=keras.optimizers.SGD(learning_rate=0.001),
        metrics=["accuracy"])
    return model


per_worker_batch_size = 64
single_worker_dataset = mnist_dataset(per_worker_batch_size)
single_worker_model = build_and_compile_cnn_model()
single_worker_model.fit(single_worker_dataset, epochs=2, steps_per_epoch=5)
