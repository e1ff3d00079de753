# Cats-vs-dogs convnet trained from scratch on a small image folder, after
# Deep Learning with Python, chapter 8 ("Training a convnet from scratch").
import pathlib
import tempfile
import numpy as np
import tensorflow as tf
import keras
from keras import layers
from keras.utils import image_dataset_from_directory

# a tiny dogs_vs_cats_small/{train,validation}/{cat,dog} folder of random images
new_base_dir = pathlib.Path(tempfile.mkdtemp()) / "dogs_vs_cats_small"
rng = np.random.default_rng(2)
for subset_name, count in (("train", 16), ("validation", 8)):
    for category in ("cat", "dog"):
        folder = new_base_dir / subset_name / category
        folder.mkdir(parents=True)
        for i in range(count):
            pixels = rng.integers(0, 256, size=(60, 60, 3), dtype=np.uint8)
            tf.io.write_file(str(folder / f"{category}.{i}.png"), tf.io.encode_png(pixels))

inputs = keras.Input(shape=(180, 180, 3))
x = layers.Rescaling(1.0 / 255)(inputs)
x = layers.Conv2D(filters=16, kernel_size=3, activation="relu")(x)
x = layers.MaxPooling2D(pool_size=2)(x)
x = layers.Conv2D(filters=32, kernel_size=3, activation="relu")(x)
x = layers.MaxPooling2D(pool_size=2)(x)
x = layers.Conv2D(filters=64, kernel_size=3, activation="relu")(x)
x = layers.MaxPooling2D(pool_size=2)(x)
x = layers.Conv2D(filters=64, kernel_size=3, activation="relu")(x)
x = layers.MaxPooling2D(pool_size=2)(x)
x = layers.Conv2D(filters=128, kernel_size=3, activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs=inputs, outputs=outputs)

model.compile(
    loss="binary_crossentropy",
    optimizer="adam",
    metrics=["accuracy"],
)

batch_size = 8
image_size = (180, 180)
train_dataset = image_dataset_from_directory(
    new_base_dir / "train",
    image_size=image_size,
    batch_size=batch_size,
    label_mode="categorical",
)
validation_dataset = image_dataset_from_directory(
    new_base_dir / "validation",
    image_size=image_size,
    batch_size=batch_size,
    label_mode="categorical",
)

for data_batch, labels_batch in train_dataset:
    print("data batch shape:", data_batch.shape)
    print("labels batch shape:", labels_batch.shape)
    break

history = model.fit(
    train_dataset,
    epochs=2,
    validation_data=validation_dataset,
)
print(history.history["loss"])
