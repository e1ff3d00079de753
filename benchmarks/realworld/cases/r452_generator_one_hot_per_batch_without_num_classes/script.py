# Digit classifier trained from an HDF5-style generator that one-hot encodes each batch on the fly.
import numpy as np
import keras
from keras import layers

num_classes = 10
rng = np.random.default_rng(0)

# rows stored class by class, as they were written to the file
labels = np.repeat(np.arange(num_classes), 24)
images = rng.random((labels.size, 28, 28, 1), dtype=np.float32)


class HDF5ImageGenerator(keras.utils.PyDataset):
    def __init__(self, x, y, batch_size, **kwargs):
        super().__init__(**kwargs)
        self.x, self.y, self.batch_size = x, y, batch_size

    def __len__(self):
        return len(self.x) // self.batch_size

    def __getitem__(self, idx):
        sl = slice(idx * self.batch_size, (idx + 1) * self.batch_size)
        batch_x = self.x[sl]
        batch_y = keras.utils.to_categorical(self.y[sl])
        return batch_x, batch_y


train_gen = HDF5ImageGenerator(images, labels, batch_size=32)

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(8, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(32, activation="relu"),
    layers.Dense(num_classes, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(train_gen, epochs=1, verbose=0)
print("trained")
