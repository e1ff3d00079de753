import numpy as np
import keras
from keras import layers

# Sign Language MNIST layout: one row per image, label first, then 784 pixel values.
# The letters J (9) and Z (25) need motion, so those labels never appear.
rng = np.random.default_rng(4)
letters = np.array([c for c in range(25) if c != 9])   # 24 static letters, codes 0..24


def make_rows(n):
    labels = rng.choice(letters, size=n)
    pixels = rng.integers(0, 256, size=(n, 784))
    return np.column_stack([labels, pixels]).astype("float64")


def get_data(rows):
    labels = rows[:, 0]
    images = rows[:, 1:].reshape(-1, 28, 28)
    return images, labels


training_images, training_labels = get_data(make_rows(240))
testing_images, testing_labels = get_data(make_rows(60))
training_images = np.expand_dims(training_images, axis=3) / 255.0
testing_images = np.expand_dims(testing_images, axis=3) / 255.0

num_classes = len(letters)   # 24 letters in the data set

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.RandomRotation(0.1),
    layers.RandomZoom(0.2),
    layers.Conv2D(32, (3, 3), activation="relu"),
    layers.MaxPooling2D(2, 2),
    layers.Conv2D(32, (3, 3), activation="relu"),
    layers.MaxPooling2D(2, 2),
    layers.Flatten(),
    layers.Dense(128, activation="relu"),
    layers.Dense(num_classes, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

history = model.fit(training_images, training_labels, batch_size=32, epochs=1,
                    validation_data=(testing_images, testing_labels), verbose=0)
print(model.evaluate(testing_images, testing_labels, verbose=0))
