import numpy as np
import keras
from keras import layers

IMG_SIZE = 64
NUM_CLASSES = 4
BATCH_SIZE = 8


class DogsDataset(keras.utils.PyDataset):
    def __init__(self, images, labels, num_classes, batch_size, **kwargs):
        super().__init__(**kwargs)
        self.images, self.labels = images, labels
        self.num_classes, self.batch_size = num_classes, batch_size

    def __len__(self):
        return len(self.labels) // self.batch_size

    def __getitem__(self, idx):
        batch = slice(idx * self.batch_size, (idx + 1) * self.batch_size)
        batch_labels = np.array(keras.ops.one_hot(self.labels[batch], self.num_classes))
        return self.images[batch], batch_labels


train_images = np.random.randint(0, 256, size=(16, IMG_SIZE, IMG_SIZE, 3)).astype("float32")
train_labels = np.random.randint(0, NUM_CLASSES, size=(16,))
test_images = np.random.randint(0, 256, size=(8, IMG_SIZE, IMG_SIZE, 3)).astype("float32")
test_labels = np.random.randint(0, NUM_CLASSES, size=(8,))

ds_train = DogsDataset(train_images, train_labels, num_classes=NUM_CLASSES, batch_size=BATCH_SIZE)

model = keras.Sequential([
    keras.Input(shape=(IMG_SIZE, IMG_SIZE, 3)),
    layers.Rescaling(1.0 / 255),
    layers.Conv2D(16, 3, strides=2, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(NUM_CLASSES, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(ds_train, epochs=1, verbose=0)

loss, accuracy = model.evaluate(test_images, test_labels, batch_size=BATCH_SIZE, verbose=0)
print(f"Test accuracy: {accuracy:.2f}")
