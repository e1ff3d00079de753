# Convolutional denoising autoencoder (subclassed Model) on noisy grayscale images.
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers, losses
from tensorflow.keras.models import Model

rng = np.random.default_rng(5)
x_train = rng.random((96, 28, 28)).astype("float32")[..., tf.newaxis]
x_test = rng.random((24, 28, 28)).astype("float32")[..., tf.newaxis]

noise_factor = 0.2
x_train_noisy = tf.clip_by_value(x_train + noise_factor * tf.random.normal(shape=x_train.shape), 0.0, 1.0)
x_test_noisy = tf.clip_by_value(x_test + noise_factor * tf.random.normal(shape=x_test.shape), 0.0, 1.0)


class Denoise(Model):
    def __init__(self):
        super().__init__()
        self.encoder = tf.keras.Sequential([
            layers.Input(shape=(28, 28, 1)),
            layers.Conv2D(16, (3, 3), activation="relu", padding="same", strides=2),
            layers.Conv2D(8, (3, 3), activation="relu", padding="same", strides=2),
        ])
        self.decoder = tf.keras.Sequential([
            layers.Conv2DTranspose(16, kernel_size=3, strides=2, activation="relu", padding="same"),
            layers.Conv2D(1, kernel_size=(3, 3), activation="sigmoid", padding="same"),
        ])

    def call(self, x):
        encoded = self.encoder(x)
        return self.decoder(encoded)


autoencoder = Denoise()
autoencoder.compile(optimizer="adam", loss=losses.MeanSquaredError())
autoencoder.fit(x_train_noisy, x_train, epochs=2, shuffle=True,
                validation_data=(x_test_noisy, x_test), verbose=0)
print(autoencoder.predict(x_test_noisy, verbose=0).shape)
