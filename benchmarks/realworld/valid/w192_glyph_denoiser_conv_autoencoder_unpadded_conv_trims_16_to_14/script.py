# denoising convolutional autoencoder for 28x28 handwritten glyphs
import numpy as np
import keras
from keras import layers

gen = np.random.default_rng(192)
clean = gen.random((80, 28, 28, 1)).astype("float32")
noisy = np.clip(clean + 0.3 * gen.normal(size=clean.shape), 0.0, 1.0).astype("float32")

glyph = keras.Input(shape=(28, 28, 1))
h = layers.Conv2D(16, 3, activation="relu", padding="same")(glyph)
h = layers.MaxPooling2D(2, padding="same")(h)            # 14
h = layers.Conv2D(8, 3, activation="relu", padding="same")(h)
h = layers.MaxPooling2D(2, padding="same")(h)            # 7
h = layers.Conv2D(8, 3, activation="relu", padding="same")(h)
code = layers.MaxPooling2D(2, padding="same")(h)         # 4

h = layers.Conv2D(8, 3, activation="relu", padding="same")(code)
h = layers.UpSampling2D(2)(h)                            # 8
h = layers.Conv2D(8, 3, activation="relu", padding="same")(h)
h = layers.UpSampling2D(2)(h)                            # 16
h = layers.Conv2D(16, 3, activation="relu")(h)           # 14
h = layers.UpSampling2D(2)(h)                            # 28
restored = layers.Conv2D(1, 3, activation="sigmoid", padding="same")(h)

denoiser = keras.Model(glyph, restored)
denoiser.compile(optimizer="adam", loss="binary_crossentropy")
denoiser.fit(noisy[:64], clean[:64], epochs=2, batch_size=16, validation_data=(noisy[64:], clean[64:]), verbose=0)
print("restored:", denoiser.predict(noisy[64:66], verbose=0).shape)
