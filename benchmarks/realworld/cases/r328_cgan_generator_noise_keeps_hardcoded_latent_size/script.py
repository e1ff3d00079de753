"""Conditional GAN on digits after changing latent_dim; one noise batch still uses the old size."""
import numpy as np
import keras
from keras import layers


class CGAN:
    def __init__(self):
        self.img_shape = (28, 28, 1)
        self.num_classes = 10
        self.latent_dim = 64

        self.discriminator = self.build_discriminator()
        self.discriminator.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(0.0002, 0.5),
                                   metrics=["accuracy"])
        self.generator = self.build_generator()

        noise = keras.Input(shape=(self.latent_dim,))
        label = keras.Input(shape=(1,))
        img = self.generator([noise, label])
        self.discriminator.trainable = False
        valid = self.discriminator([img, label])
        self.combined = keras.Model([noise, label], valid)
        self.combined.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(0.0002, 0.5))

    def build_generator(self):
        noise = keras.Input(shape=(self.latent_dim,))
        label = keras.Input(shape=(1,), dtype="int32")
        label_embedding = layers.Flatten()(layers.Embedding(self.num_classes, self.latent_dim)(label))
        x = layers.Multiply()([noise, label_embedding])
        x = layers.LeakyReLU(0.2)(layers.Dense(128)(x))
        x = layers.Dense(int(np.prod(self.img_shape)), activation="tanh")(x)
        img = layers.Reshape(self.img_shape)(x)
        return keras.Model([noise, label], img)

    def build_discriminator(self):
        img = keras.Input(shape=self.img_shape)
        label = keras.Input(shape=(1,), dtype="int32")
        label_embedding = layers.Flatten()(layers.Embedding(self.num_classes, int(np.prod(self.img_shape)))(label))
        x = layers.Multiply()([layers.Flatten()(img), label_embedding])
        x = layers.LeakyReLU(0.2)(layers.Dense(128)(x))
        validity = layers.Dense(1, activation="sigmoid")(x)
        return keras.Model([img, label], validity)

    def train(self, epochs, batch_size=16):
        rng = np.random.default_rng(7)
        X_train = rng.uniform(-1, 1, size=(200, 28, 28, 1)).astype("float32")
        y_train = rng.integers(0, 10, size=(200, 1))
        valid = np.ones((batch_size, 1))
        fake = np.zeros((batch_size, 1))
        for epoch in range(epochs):
            idx = rng.integers(0, X_train.shape[0], batch_size)
            imgs, labels = X_train[idx], y_train[idx]
            noise = rng.normal(0, 1, (batch_size, self.latent_dim))
            gen_imgs = self.generator.predict([noise, labels], verbose=0)
            d_loss_real = self.discriminator.train_on_batch([imgs, labels], valid)
            d_loss_fake = self.discriminator.train_on_batch([gen_imgs, labels], fake)

            noise = rng.normal(0, 1, (batch_size, 100))
            sampled_labels = rng.integers(0, 10, batch_size).reshape(-1, 1)
            g_loss = self.combined.train_on_batch([noise, sampled_labels], valid)
            print(epoch, d_loss_real, d_loss_fake, g_loss)


cgan = CGAN()
cgan.train(epochs=2, batch_size=16)
