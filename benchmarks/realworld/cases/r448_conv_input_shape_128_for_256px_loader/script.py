# Leaf-disease CNN: images come from a loader that keeps its default size.
import numpy as np
import keras
from keras.layers import Conv2D, Dense, Flatten, MaxPool2D
from keras.models import Sequential


def load_images(n, image_size=(256, 256), num_classes=3, seed=0):
    """Stand-in for image_dataset_from_directory(..., image_size=(256, 256)) (its default)."""
    rng = np.random.default_rng(seed)
    images = rng.random((n, image_size[0], image_size[1], 3), dtype=np.float32)
    labels = keras.utils.to_categorical(rng.integers(0, num_classes, n), num_classes)
    return images, labels


x_train, y_train = load_images(24)
x_val, y_val = load_images(8, seed=1)

model = Sequential()
model.add(Conv2D(8, (3, 3), activation="relu", padding="same", input_shape=(128, 128, 3)))
model.add(MaxPool2D((2, 2)))
model.add(Conv2D(8, (3, 3), activation="relu", padding="same"))
model.add(MaxPool2D((2, 2)))
model.add(Flatten())
model.add(Dense(16, activation="relu"))
model.add(Dense(3, activation="softmax"))
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])

history = model.fit(x=x_train, y=y_train, validation_data=(x_val, y_val), epochs=1, batch_size=8, verbose=0)
print(history.history["loss"])
