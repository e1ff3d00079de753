# Blink detector: a small CNN that classifies 26x34 eye crops as open or closed.
# The reference dataset ships grayscale crops; here the crops are read from a folder of
# colour webcam frames, so every crop keeps its three RGB channels.
import numpy as np
import keras
from keras import layers

CROP_H, CROP_W = 26, 34
CHANNELS = 1


def load_eye_crops(n, rng):
    frames = rng.integers(0, 256, size=(n, CROP_H, CROP_W, 3)).astype("float32")
    return frames / 255.0


rng = np.random.default_rng(1)
eye_crops = load_eye_crops(120, rng)
eye_open = rng.integers(0, 2, size=(120, 1)).astype("float32")

detector = keras.Sequential([
    keras.Input(shape=(CROP_H, CROP_W, CHANNELS)),
    layers.Conv2D(32, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(64, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(64, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
detector.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
detector.fit(eye_crops, eye_open, batch_size=20, epochs=2, validation_split=0.2, verbose=0)
print(detector.predict(eye_crops[:4], verbose=0).ravel())
