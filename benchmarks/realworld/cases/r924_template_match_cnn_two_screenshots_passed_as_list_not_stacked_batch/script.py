import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

IMG = 64


def load_scan(seed):
    # stands in for reading one screenshot and scaling it to [0, 1]
    pixels = np.random.default_rng(seed).integers(0, 256, size=(IMG, IMG, 3))
    return np.expand_dims(pixels.astype("float32") / 255.0, axis=0)


template_array = load_scan(1)
actual_array = load_scan(2)
print(template_array.shape, actual_array.shape)

model = tf.keras.Sequential([
    layers.InputLayer(shape=(IMG, IMG, 3)),
    layers.Conv2D(16, (3, 3), activation="relu"),
    layers.MaxPooling2D((2, 2)),
    layers.Conv2D(32, (3, 3), activation="relu"),
    layers.MaxPooling2D((2, 2)),
    layers.Flatten(),
    layers.Dense(64, activation="relu"),
    layers.Dense(2, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])

train_x = [template_array, actual_array]
y_train = np.array([[0, 1], [1, 0]], dtype="float32")

model.fit(train_x, y_train, epochs=2, verbose=0)
print(model.predict(template_array, verbose=0).round(3))
