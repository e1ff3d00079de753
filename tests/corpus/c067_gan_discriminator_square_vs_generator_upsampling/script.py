import numpy as np
import keras
from keras import layers

GENERATE_RES = 3
GENERATE_SQUARE = 32 * GENERATE_RES
SEED_SIZE = 16


def build_generator(seed_size):
    model = keras.Sequential()
    model.add(keras.Input(shape=(seed_size,)))
    model.add(layers.Dense(4 * 4 * 64, activation="relu"))
    model.add(layers.Reshape((4, 4, 64)))
    for _ in range(GENERATE_RES + 2):
        model.add(layers.UpSampling2D())
        model.add(layers.Conv2D(16, 3, padding="same", activation="relu"))
    model.add(layers.Conv2D(3, 3, padding="same", activation="tanh"))
    return model


def build_discriminator(image_shape):
    model = keras.Sequential()
    model.add(keras.Input(shape=image_shape))
    model.add(layers.Conv2D(16, 3, strides=2, padding="same", activation="relu"))
    model.add(layers.Conv2D(32, 3, strides=2, padding="same", activation="relu"))
    model.add(layers.Flatten())
    model.add(layers.Dense(1, activation="sigmoid"))
    return model


generator = build_generator(SEED_SIZE)
discriminator = build_discriminator((GENERATE_SQUARE, GENERATE_SQUARE, 3))
seed = keras.Input(shape=(SEED_SIZE,))
validity = discriminator(generator(seed))
combined = keras.Model(seed, validity)
combined.compile(optimizer="adam", loss="binary_crossentropy")
noise = np.random.normal(size=(4, SEED_SIZE)).astype("float32")
combined.train_on_batch(noise, np.ones((4, 1), dtype="float32"))
