import numpy as np
import keras
from keras import layers

IMG_SIZE = 48
rng = np.random.default_rng(2)
raw_signs = [rng.random((IMG_SIZE, IMG_SIZE, 3)).astype("float32") for _ in range(40)]
sign_ids = rng.integers(0, 43, size=(40,))


def preprocess_img(img):
    img = (img - img.mean()) / (img.std() + 1e-6)
    img = np.rollaxis(img, -1)
    return img


X = np.array([preprocess_img(img) for img in raw_signs], dtype="float32")
Y = np.eye(43, dtype="float32")[sign_ids]

model = keras.Sequential([
    keras.Input(shape=(IMG_SIZE, IMG_SIZE, 3)),
    layers.Conv2D(16, (3, 3), activation="relu"),
    layers.MaxPooling2D((2, 2)),
    layers.Flatten(),
    layers.Dense(43, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(X, Y, batch_size=8, epochs=1, verbose=0)
