import numpy as np
import keras
from keras import layers

# DCGAN-style discriminator updated with train_on_batch on real images.
discriminator = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(32, 3, strides=2, padding="same"),
    layers.LeakyReLU(negative_slope=0.2),
    layers.Conv2D(64, 3, strides=2, padding="same"),
    layers.LeakyReLU(negative_slope=0.2),
    layers.Dense(1, activation="sigmoid"),
])
discriminator.compile(optimizer="adam", loss="binary_crossentropy")

real_images = np.random.rand(16, 28, 28, 1).astype("float32")
real_labels = np.ones((16, 1), dtype="float32")
d_loss = discriminator.train_on_batch(real_images, real_labels)
print(d_loss)
