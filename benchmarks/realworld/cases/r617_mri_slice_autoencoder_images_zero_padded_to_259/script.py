# Denoising-style convolutional autoencoder on 3T MRI slices (256 x 256): slices are
# normalised to [0, 1], placed in a slightly larger zero canvas, split into train and
# validation sets and reconstructed by a same-padded encoder/decoder.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(11875)
volumes = [rng.random((256, 256, 12)).astype("float32") for _ in range(2)]
images = []
for vol in volumes:
    for i in range(vol.shape[2]):
        images.append(vol[:, :, i])
images = np.array(images).reshape(-1, 256, 256, 1)
m, mi = np.max(images), np.min(images)
images = (images - mi) / (m - mi)

temp = np.zeros([images.shape[0], 259, 259, 1])
temp[:, 3:, 3:, :] = images
images = temp

split = int(0.8 * len(images))
train_X, valid_X = images[:split], images[split:]
train_ground, valid_ground = images[:split], images[split:]

input_img = keras.Input(shape=images.shape[1:])
x = layers.Conv2D(16, 3, activation="relu", padding="same")(input_img)
x = layers.MaxPooling2D(2)(x)
x = layers.Conv2D(8, 3, activation="relu", padding="same")(x)
encoded = layers.MaxPooling2D(2)(x)
x = layers.Conv2D(8, 3, activation="relu", padding="same")(encoded)
x = layers.UpSampling2D(2)(x)
x = layers.Conv2D(16, 3, activation="relu", padding="same")(x)
x = layers.UpSampling2D(2)(x)
decoded = layers.Conv2D(1, 3, activation="sigmoid", padding="same")(x)

autoencoder = keras.Model(input_img, decoded)
autoencoder.compile(loss="mean_squared_error", optimizer="rmsprop")
autoencoder.fit(train_X, train_ground, batch_size=4, epochs=1, verbose=0,
                validation_data=(valid_X, valid_ground))
print(autoencoder.predict(valid_X[:1], verbose=0).shape)
