# Sign-language MNIST classifier (course exercise): rows of a CSV hold a letter label
# (J and Z need motion, so they never occur) and 784 pixel values; the images get a
# channel axis and a small CNN with a softmax over the letter classes is trained.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(8)
letters = np.array([i for i in range(25) if i != 9])


def get_data(n):
    labels = rng.choice(letters, size=n)
    pixels = rng.integers(0, 256, size=(n, 784))
    rows = np.column_stack([labels, pixels])
    return rows[:, 1:].reshape(n, 28, 28).astype("float32"), rows[:, 0].astype("float32")


training_images, training_labels = get_data(480)
testing_images, testing_labels = get_data(96)
training_images = np.expand_dims(training_images, axis=3) / 255.0
testing_images = np.expand_dims(testing_images, axis=3) / 255.0
num_classes = len(np.unique(training_labels))

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(32, (3, 3), activation="relu"),
    layers.MaxPooling2D(2, 2),
    layers.Conv2D(32, (3, 3), activation="relu"),
    layers.MaxPooling2D(2, 2),
    layers.Flatten(),
    layers.Dense(128, activation="relu"),
    layers.Dense(num_classes, activation="softmax"),
])
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
history = model.fit(training_images, training_labels, epochs=2, batch_size=32, verbose=0,
                    validation_data=(testing_images, testing_labels))
print(model.evaluate(testing_images, testing_labels, verbose=0))
