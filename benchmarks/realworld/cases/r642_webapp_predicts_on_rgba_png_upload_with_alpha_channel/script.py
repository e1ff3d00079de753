# Flask-style prediction helper for a small CNN trained on 28x28 RGB pictures (two
# classes). The uploaded file is decoded, resized to 28x28, scaled and batched before
# model.predict. The user uploads a PNG screenshot, which carries an alpha channel.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(23)
train_images = rng.random((64, 28, 28, 3)).astype("float32")
train_labels = keras.utils.to_categorical(rng.integers(0, 2, size=64), 2)

model = keras.Sequential([
    keras.Input(shape=(28, 28, 3)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(2, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(train_images, train_labels, batch_size=16, epochs=1, verbose=0)

# the upload: a 40x40 PNG with transparency (RGBA)
rgba_pixels = rng.integers(0, 256, size=(40, 40, 4), dtype=np.uint8)
uploaded_bytes = tf.io.encode_png(rgba_pixels).numpy()


def model_predict(file_bytes, model):
    img = tf.io.decode_png(file_bytes)
    img = tf.image.resize(img, (28, 28)) / 255.0
    x = np.expand_dims(img.numpy(), axis=0)
    nt, weapon = model.predict(x, verbose=0)[0]
    return nt, weapon


print(model_predict(uploaded_bytes, model))
