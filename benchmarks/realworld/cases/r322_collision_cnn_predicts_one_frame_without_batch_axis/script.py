"""Drone collision CNN: trained on batches of grayscale frames, then asked about one camera frame."""
import numpy as np
import keras
from keras import layers

IMG_H, IMG_W = 48, 64

rng = np.random.default_rng(1)
frames = rng.random((96, IMG_H, IMG_W, 1)).astype("float32")
collision = rng.integers(0, 2, size=(96, 1)).astype("float32")

inputs = keras.Input(shape=(IMG_H, IMG_W, 1))
x = layers.Conv2D(16, 5, strides=2, padding="same", activation="relu")(inputs)
x = layers.MaxPooling2D(3, strides=2)(x)
x = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(x)
x = layers.Conv2D(32, 3, padding="same", activation="relu")(x)
x = layers.Flatten()(x)
x = layers.Dropout(0.5)(x)
prob_collision = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, prob_collision)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(frames, collision, epochs=1, batch_size=16, verbose=0)


def load_frame(seed):
    frame_rng = np.random.default_rng(seed)
    gray = frame_rng.integers(0, 256, size=(IMG_H, IMG_W)).astype("float32") / 255.0
    return gray[..., np.newaxis]


img = load_frame(7)
assert img.ndim == 3
prediction = model.predict(img, verbose=0)
print("collision probability:", float(prediction[0, 0]))
