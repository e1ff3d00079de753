import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Input, Conv2D, MaxPooling2D, Flatten, Dense

images = np.random.rand(40, 32, 32, 3).astype("float32")
labels = np.random.randint(0, 10, size=(40,))


def train_generator(images, labels):
    while True:
        for img, label in zip(images, labels):
            yield img, np.array([label])


model = Sequential([
    Input(shape=(32, 32, 3)),
    Conv2D(16, (3, 3), activation="relu"),
    MaxPooling2D((2, 2)),
    Flatten(),
    Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_generator(images, labels), steps_per_epoch=10, epochs=1, verbose=0)
