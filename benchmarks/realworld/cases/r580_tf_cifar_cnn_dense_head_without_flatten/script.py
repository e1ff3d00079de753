# Small CIFAR-10 style convnet: three Conv2D blocks, then a Dense classifier head.
# Random 32x32 RGB images with (N, 1) integer labels, as keras.datasets.cifar10 gives them.
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers, models

rng = np.random.default_rng(11)
train_images = rng.integers(0, 256, size=(256, 32, 32, 3)).astype("float32")
train_labels = rng.integers(0, 10, size=(256, 1))
test_images = rng.integers(0, 256, size=(64, 32, 32, 3)).astype("float32")
test_labels = rng.integers(0, 10, size=(64, 1))

train_images, test_images = train_images / 255.0, test_images / 255.0

model = models.Sequential()
model.add(layers.Input(shape=(32, 32, 3)))
model.add(layers.Conv2D(32, (3, 3), activation="relu"))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Conv2D(64, (3, 3), activation="relu"))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Conv2D(64, (3, 3), activation="relu"))
model.add(layers.Dense(64, activation="relu"))
model.add(layers.Dense(10))

model.compile(optimizer="adam",
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])

history = model.fit(train_images, train_labels, epochs=2, batch_size=32,
                    validation_data=(test_images, test_labels), verbose=0)
print(history.history["val_accuracy"])
