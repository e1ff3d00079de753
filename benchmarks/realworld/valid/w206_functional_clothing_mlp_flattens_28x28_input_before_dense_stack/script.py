import numpy as np
import tensorflow as tf
from tensorflow import keras

rng = np.random.default_rng(21)
train_pictures = rng.random((240, 28, 28)).astype("float32")
train_classes = rng.integers(0, 10, size=(240,))
holdout_pictures = rng.random((48, 28, 28)).astype("float32")
holdout_classes = rng.integers(0, 10, size=(48,))


def make_clothing_classifier():
    pixels = tf.keras.Input(shape=(28, 28))
    h = tf.keras.layers.Flatten()(pixels)
    h = tf.keras.layers.Dense(96, activation="relu")(h)
    h = tf.keras.layers.Dense(48, activation="relu")(h)
    probabilities = tf.keras.layers.Dense(10, activation="softmax")(h)
    net = keras.Model(inputs=pixels, outputs=probabilities)
    net.compile(optimizer="sgd", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return net


classifier = make_clothing_classifier()
classifier.fit(train_pictures, train_classes, batch_size=24, epochs=2,
               validation_data=(holdout_pictures, holdout_classes), verbose=2)
loss, accuracy = classifier.evaluate(holdout_pictures, holdout_classes, verbose=0)
print("holdout accuracy:", accuracy)
