# Small cat/dog-style binary CNN; after training, classify one new photo.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

IMG_H, IMG_W = 64, 48
rng = np.random.default_rng(7194)
train_images = rng.random((120, IMG_H, IMG_W, 3)).astype("float32")
train_labels = rng.integers(0, 2, size=120)

model = keras.Sequential([
    keras.Input(shape=(IMG_H, IMG_W, 3)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(2),
    layers.Conv2D(32, 3, activation="relu"),
    layers.MaxPooling2D(2),
    layers.Flatten(),
    layers.Dense(32, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(train_images, train_labels, batch_size=20, epochs=2, verbose=0)

# A new photo of another size, converted to an array and resized like the training images.
photo = rng.integers(0, 256, size=(300, 220, 3)).astype("float32")
array = tf.image.resize(photo, (IMG_H, IMG_W)).numpy() / 255.0
prediction = model.predict(array, verbose=0)
print("probability of class 1:", prediction[0, 0])
