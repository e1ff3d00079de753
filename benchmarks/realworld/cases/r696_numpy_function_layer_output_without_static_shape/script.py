# Cell-image classifier whose first layer runs a numpy routine (a 3x3 median filter that
# removes salt-and-pepper noise from each image) inside the graph with tf.numpy_function,
# followed by a small convolutional network.
import numpy as np
import tensorflow as tf
import keras
from keras import layers


def median3x3(batch):
    padded = np.pad(batch, ((0, 0), (1, 1), (1, 1), (0, 0)), mode="edge")
    h, w = batch.shape[1], batch.shape[2]
    shifts = [padded[:, i:i + h, j:j + w, :] for i in range(3) for j in range(3)]
    return np.median(np.stack(shifts, axis=0), axis=0).astype("float32")


class MedianDenoise(layers.Layer):
    def call(self, images):
        denoised = tf.numpy_function(median3x3, [images], tf.float32)
        return denoised


image_in = keras.Input(shape=(32, 32, 3))
h = MedianDenoise()(image_in)
h = layers.Conv2D(16, 3, activation="relu")(h)
h = layers.MaxPooling2D()(h)
h = layers.Conv2D(32, 3, activation="relu")(h)
h = layers.GlobalAveragePooling2D()(h)
cell_type = layers.Dense(3, activation="softmax")(h)
classifier = keras.Model(image_in, cell_type)
classifier.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

rng = np.random.default_rng(59726)
images = rng.random((64, 32, 32, 3)).astype("float32")
labels = rng.integers(0, 3, size=(64,))
classifier.fit(images, labels, batch_size=16, epochs=1, verbose=0)
print(classifier.predict(images[:2], verbose=0).shape)
