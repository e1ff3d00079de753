# Convolutional autoencoder on site photos (blog-style conv autoencoder): the photos
# are read from a folder with one subfolder per site, the same way the images were
# read for an earlier site classifier; the targets are the photos themselves.
import os
import tempfile
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(5)
photo_dir = tempfile.mkdtemp()
for site in ["quarry", "riverbank"]:
    os.makedirs(os.path.join(photo_dir, site))
    for i in range(12):
        pixels = rng.integers(0, 256, size=(48, 48, 3)).astype("uint8")
        tf.io.write_file(os.path.join(photo_dir, site, f"site_{i}.png"), tf.io.encode_png(pixels))

img_size = 48
train_photos = keras.utils.image_dataset_from_directory(
    photo_dir, image_size=(img_size, img_size), batch_size=8, label_mode="binary", seed=1)
train_photos = train_photos.map(lambda images, labels: (images / 255.0, images / 255.0))

input_img = keras.Input(shape=(img_size, img_size, 3))
x = layers.Conv2D(16, (3, 3), activation="relu", padding="same")(input_img)
x = layers.MaxPooling2D((2, 2), padding="same")(x)
x = layers.Conv2D(8, (3, 3), activation="relu", padding="same")(x)
encoded = layers.MaxPooling2D((2, 2), padding="same")(x)
x = layers.Conv2D(8, (3, 3), activation="relu", padding="same")(encoded)
x = layers.UpSampling2D((2, 2))(x)
x = layers.Conv2D(16, (3, 3), activation="relu", padding="same")(x)
x = layers.UpSampling2D((2, 2))(x)
decoded = layers.Conv2D(3, (3, 3), activation="sigmoid", padding="same")(x)

autoencoder = keras.Model(input_img, decoded)
autoencoder.compile(optimizer="adam", loss="binary_crossentropy")
autoencoder.fit(train_photos, epochs=2, verbose=0)
print(autoencoder.predict(train_photos.take(1), verbose=0).shape)
