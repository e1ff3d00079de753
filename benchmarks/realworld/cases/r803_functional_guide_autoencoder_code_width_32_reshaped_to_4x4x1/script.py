# Convolutional autoencoder written with the functional API: an encoder model that
# squeezes a 28x28 digit to a global-max-pooled code, a decoder model that reshapes
# the code into a 4x4 map and grows it back to 28x28, and the two chained.
import numpy as np
import keras
from keras import layers

gen = np.random.default_rng(803)
digits = gen.random((64, 28, 28, 1)).astype("float32")

img_in = keras.Input(shape=(28, 28, 1), name="img")
h = layers.Conv2D(16, 3, activation="relu")(img_in)
h = layers.Conv2D(32, 3, activation="relu")(h)
h = layers.MaxPooling2D(3)(h)
h = layers.Conv2D(32, 3, activation="relu")(h)
h = layers.Conv2D(32, 3, activation="relu")(h)
code = layers.GlobalMaxPooling2D()(h)
encoder = keras.Model(img_in, code, name="encoder")

h = layers.Reshape((4, 4, 1))(code)
h = layers.Conv2DTranspose(16, 3, activation="relu")(h)
h = layers.Conv2DTranspose(32, 3, activation="relu")(h)
h = layers.UpSampling2D(3)(h)
h = layers.Conv2DTranspose(16, 3, activation="relu")(h)
img_out = layers.Conv2DTranspose(1, 3, activation="relu")(h)
autoencoder = keras.Model(img_in, img_out, name="autoencoder")

autoencoder.compile(optimizer="adam", loss="mse")
autoencoder.fit(digits, digits, batch_size=16, epochs=1, verbose=0)
print(encoder.predict(digits[:2], verbose=0).shape)
