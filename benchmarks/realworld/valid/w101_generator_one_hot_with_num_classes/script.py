# Digit classifier trained from a PyDataset that one-hot encodes every batch with a fixed class count.
import numpy as np
import keras
from keras import layers

NUM_CLASSES = 10
rng = np.random.default_rng(3)
labels = np.sort(rng.integers(0, NUM_CLASSES, size=256))  # stored class by class
images = rng.random((labels.size, 28, 28, 1), dtype=np.float32)


class BatchedImages(keras.utils.PyDataset):
    def __init__(self, x, y, batch_size, num_classes, **kwargs):
        super().__init__(**kwargs)
        self.x, self.y = x, y
        self.batch_size, self.num_classes = batch_size, num_classes

    def __len__(self):
        return int(np.ceil(len(self.x) / self.batch_size))

    def __getitem__(self, idx):
        lo, hi = idx * self.batch_size, (idx + 1) * self.batch_size
        return self.x[lo:hi], keras.utils.to_categorical(self.y[lo:hi], num_classes=self.num_classes)


train = BatchedImages(images, labels, batch_size=32, num_classes=NUM_CLASSES)

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(8, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(16, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(NUM_CLASSES, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(train, epochs=2, verbose=0)
print(model.evaluate(train, verbose=0))
