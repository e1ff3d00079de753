import numpy as np
import tensorflow as tf
from tensorflow.keras import layers, models

# CIFAR-10 stand-in with the dataset's layout: images (N, 32, 32, 3), labels (N, 1)
train_images = np.random.randint(0, 256, size=(64, 32, 32, 3)).astype("float32")
train_labels = np.random.randint(0, 10, size=(64, 1)).astype("uint8")
test_images = np.random.randint(0, 256, size=(16, 32, 32, 3)).astype("float32")
test_labels = np.random.randint(0, 10, size=(16, 1)).astype("uint8")

# Normalize pixel values to be between 0 and 1
train_images, test_images = train_images / 255.0, test_images / 255.0
# One-hot targets for the categorical loss
train_labels = tf.one_hot(train_labels, depth=10)
test_labels = tf.one_hot(test_labels, depth=10)

model = models.Sequential()
model.add(layers.Input(shape=(32, 32, 3)))
model.add(layers.Conv2D(32, (3, 3), activation="relu"))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Conv2D(64, (3, 3), activation="relu"))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Conv2D(64, (3, 3), activation="relu"))
model.add(layers.Flatten())
model.add(layers.Dense(64, activation="relu"))
model.add(layers.Dense(10))

model.compile(optimizer="adam",
              loss=tf.keras.losses.CategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])
history = model.fit(train_images, train_labels, epochs=1,
                    validation_data=(test_images, test_labels), verbose=0)
