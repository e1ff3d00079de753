import numpy as np
from keras.models import Sequential
from keras.layers import Input, Dense, Reshape, Conv2DTranspose, LeakyReLU

generator = Sequential()
generator.add(Input(shape=(100,)))
generator.add(Dense(7 * 7 * 64))
generator.add(LeakyReLU(0.2))
generator.add(Reshape((7, 7, 128)))
generator.add(Conv2DTranspose(64, 4, strides=2, padding="same", activation="relu"))
generator.add(Conv2DTranspose(1, 4, strides=2, padding="same", activation="tanh"))

noise = np.random.normal(size=(16, 100)).astype("float32")
fake_images = generator.predict(noise, verbose=0)
