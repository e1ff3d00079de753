# Handwritten letter recognizer trained on 16x8 glyphs; predict.py loads one image and classifies it.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(9)
x_train = rng.random((260, 16, 8), dtype=np.float32)
y_train = keras.utils.to_categorical(np.arange(260) % 26, 26)

model = keras.Sequential([
    keras.Input(shape=(16, 8)),
    layers.Reshape((16, 8, 1)),
    layers.Conv2D(16, (3, 3), activation="relu", padding="same"),
    layers.MaxPooling2D((2, 2)),
    layers.Flatten(),
    layers.Dense(64, activation="relu"),
    layers.Dense(26, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=32, epochs=2, verbose=0)


def resize(image, size):
    """Nearest-neighbour resize of a 2-D grayscale image to size = (rows, cols)."""
    rows = np.arange(size[0]) * image.shape[0] // size[0]
    cols = np.arange(size[1]) * image.shape[1] // size[1]
    return image[rows][:, cols]


def predict(file_image):
    image = resize(file_image, (16, 16)) / 255.0
    x_test = image.reshape(1, *image.shape)
    prediction = model.predict(x_test, batch_size=32, verbose=0)
    return chr(ord("a") + int(prediction.argmax())), float(prediction.max())


scanned = (rng.random((64, 48)) * 255).astype("float32")  # the photographed letter
print(predict(scanned))
