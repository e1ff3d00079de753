"""DCGAN moved from 28x28 digits to 32x32 colour images; the generator's projection was left as it was."""
import numpy as np
import keras
from keras import layers


class DCGAN:
    def __init__(self):
        self.img_rows = 32
        self.img_cols = 32
        self.channels = 3
        self.img_shape = (self.img_rows, self.img_cols, self.channels)
        self.latent_dim = 100

        self.discriminator = self.build_discriminator()
        self.discriminator.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(0.0002, 0.5),
                                   metrics=["accuracy"])
        self.generator = self.build_generator()

        z = keras.Input(shape=(self.latent_dim,))
        img = self.generator(z)
        self.discriminator.trainable = False
        valid = self.discriminator(img)
        self.combined = keras.Model(z, valid)
        self.combined.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(0.0002, 0.5))

    def build_generator(self):
        model = keras.Sequential()
        model.add(keras.Input(shape=(self.latent_dim,)))
        model.add(layers.Dense(128 * 7 * 7, activation="relu"))
        model.add(layers.Reshape((7, 7, 128)))
        model.add(layers.UpSampling2D())
        model.add(layers.Conv2D(64, kernel_size=3, padding="same"))
        model.add(layers.BatchNormalization(momentum=0.8))
        model.add(layers.Activation("relu"))
        model.add(layers.UpSampling2D())
        model.add(layers.Conv2D(32, kernel_size=3, padding="same"))
        model.add(layers.BatchNormalization(momentum=0.8))
        model.add(layers.Activation("relu"))
        model.add(layers.Conv2D(self.channels, kernel_size=3, padding="same"))
        model.add(layers.Activation("tanh"))
        return model

    def build_discriminator(self):
        model = keras.Sequential()
        model.add(keras.Input(shape=self.img_shape))
        model.add(layers.Conv2D(32, kernel_size=3, strides=2, padding="same"))
        model.add(layers.LeakyReLU(0.2))
        model.add(layers.Conv2D(64, kernel_size=3, strides=2, padding="same"))
        model.add(layers.LeakyReLU(0.2))
        model.add(layers.Flatten())
        model.add(layers.Dense(1, activation="sigmoid"))
        return model

    def train(self, epochs, batch_size=16):
        rng = np.random.default_rng(11)
        X_train = rng.uniform(-1, 1, size=(128,) + self.img_shape).astype("float32")
        valid = np.ones((batch_size, 1))
        fake = np.zeros((batch_size, 1))
        for epoch in range(epochs):
            imgs = X_train[rng.integers(0, X_train.shape[0], batch_size)]
            noise = rng.normal(0, 1, (batch_size, self.latent_dim))
            gen_imgs = self.generator.predict(noise, verbose=0)
            d_loss_real = self.discriminator.train_on_batch(imgs, valid)
            d_loss_fake = self.discriminator.train_on_batch(gen_imgs, fake)
            g_loss = self.combined.train_on_batch(noise, valid)
            print(epoch, d_loss_real, d_loss_fake, g_loss)


dcgan = DCGAN()
dcgan.train(epochs=2)
