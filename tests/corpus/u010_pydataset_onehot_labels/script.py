import numpy as np
import keras
from keras import layers


class ImageBatches(keras.utils.PyDataset):
    """Yields (images, one-hot labels) batches, like a directory loader."""

    def __init__(self, n_batches=4, batch_size=8, **kwargs):
        super().__init__(**kwargs)
        self.n_batches = n_batches
        self.batch_size = batch_size

    def __len__(self):
        return self.n_batches

    def __getitem__(self, idx):
        images = np.random.rand(self.batch_size, 32, 32, 3).astype("float32")
        labels = keras.utils.to_categorical(np.random.randint(0, 5, size=(self.batch_size,)), 5)
        return images, labels


model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(8, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(5, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(ImageBatches(), epochs=1, verbose=0)
