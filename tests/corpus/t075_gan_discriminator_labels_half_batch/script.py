import numpy as np
import keras
from keras import layers

batch_size = 16
latent_dim = 8

generator = keras.Sequential([
    keras.Input(shape=(latent_dim,)),
    layers.Dense(32, activation="tanh"),
])
discriminator = keras.Sequential([
    keras.Input(shape=(32,)),
    layers.Dense(16, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
discriminator.compile(optimizer="adam", loss="binary_crossentropy")

# One discriminator step: generated and real samples stacked into one batch.
real = np.random.rand(batch_size, 32).astype("float32")
noise = np.random.normal(size=(batch_size, latent_dim)).astype("float32")
fake = generator.predict(noise, verbose=0)
combined = np.concatenate([fake, real])
labels = np.ones((batch_size, 1))
discriminator.train_on_batch(combined, labels)
