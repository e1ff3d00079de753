# Chest X-ray patch autoencoder: 128x128 grey patches, min-max normalised, reconstructed
# by a same-padded encoder/decoder (two 2x poolings, two 2x upsamplings), so the output
# has the same 128x128 size as the targets.
import numpy as np
import keras
from keras import layers

gen = np.random.default_rng(129)
patches = gen.random((20, 128, 128)).astype("float32")
patches = (patches - patches.min()) / (patches.max() - patches.min())
patches = patches[..., np.newaxis]
fit_x, val_x = patches[:16], patches[16:]

inp = keras.Input(shape=patches.shape[1:])
z = layers.Conv2D(12, 3, activation="relu", padding="same")(inp)
z = layers.MaxPooling2D(2)(z)
z = layers.Conv2D(6, 3, activation="relu", padding="same")(z)
z = layers.MaxPooling2D(2)(z)
z = layers.Conv2D(6, 3, activation="relu", padding="same")(z)
z = layers.UpSampling2D(2)(z)
z = layers.Conv2D(12, 3, activation="relu", padding="same")(z)
z = layers.UpSampling2D(2)(z)
recon = layers.Conv2D(1, 3, activation="sigmoid", padding="same")(z)

ae = keras.Model(inp, recon)
ae.compile(loss="mse", optimizer="adam")
ae.fit(fit_x, fit_x, batch_size=4, epochs=1, validation_data=(val_x, val_x), verbose=0)
print(ae.predict(val_x[:1], verbose=0).shape)
