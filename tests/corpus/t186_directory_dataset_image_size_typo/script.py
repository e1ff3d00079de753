import os
import tempfile
import numpy as np
import tensorflow as tf
import keras
from keras import layers

# Scans sorted into two folders; the loader is asked for 277-pixel images.
root = tempfile.mkdtemp()
rng = np.random.default_rng(0)
for kind in ["healthy", "sick"]:
    os.makedirs(os.path.join(root, kind))
    for i in range(6):
        pixels = rng.integers(0, 256, size=(240, 240, 3), dtype=np.uint8)
        tf.io.write_file(os.path.join(root, kind, f"{i}.png"), tf.io.encode_png(pixels))

train_ds = keras.utils.image_dataset_from_directory(root, image_size=(277, 277), batch_size=4, label_mode="binary")

inputs = keras.Input(shape=(227, 227, 3))
x = layers.Conv2D(8, 11, strides=4, activation="relu")(inputs)
x = layers.MaxPooling2D(3, strides=2)(x)
x = layers.Flatten()(x)
x = layers.Dense(16, activation="relu")(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(train_ds, epochs=1, verbose=0)
