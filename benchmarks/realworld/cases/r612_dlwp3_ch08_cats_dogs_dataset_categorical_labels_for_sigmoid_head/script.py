# Cats-vs-dogs convnet trained from scratch on an image folder (one subfolder per class),
# loaded with image_dataset_from_directory; a single sigmoid unit gives P(dog).
import os
import tempfile
import numpy as np
import tensorflow as tf
import keras
from keras import layers
from keras.utils import image_dataset_from_directory

rng = np.random.default_rng(8)
base_dir = tempfile.mkdtemp()
for category in ("cat", "dog"):
    os.makedirs(os.path.join(base_dir, "train", category))
    for i in range(12):
        pixels = rng.integers(0, 256, size=(40, 48, 3)).astype("uint8")
        tf.io.write_file(os.path.join(base_dir, "train", category, f"{category}.{i}.png"), tf.io.encode_png(pixels))

train_dataset = image_dataset_from_directory(
    os.path.join(base_dir, "train"),
    image_size=(64, 64),
    batch_size=8,
    label_mode="categorical",
)

inputs = keras.Input(shape=(64, 64, 3))
x = layers.Rescaling(1.0 / 255)(inputs)
x = layers.Conv2D(filters=32, kernel_size=3, activation="relu")(x)
x = layers.MaxPooling2D(pool_size=2)(x)
x = layers.Conv2D(filters=64, kernel_size=3, activation="relu")(x)
x = layers.MaxPooling2D(pool_size=2)(x)
x = layers.Conv2D(filters=64, kernel_size=3, activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs=inputs, outputs=outputs)

model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
history = model.fit(train_dataset, epochs=2, verbose=0)
print(history.history["accuracy"])
