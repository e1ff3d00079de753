import os
import tempfile
import numpy as np
import tensorflow as tf
import keras
from keras import layers

# A small photo folder with one sub-folder per class.
root = tempfile.mkdtemp()
rng = np.random.default_rng(0)
for kind in ["daisy", "rose", "tulip"]:
    os.makedirs(os.path.join(root, kind))
    for i in range(8):
        pixels = rng.integers(0, 256, size=(32, 32, 3), dtype=np.uint8)
        tf.io.write_file(os.path.join(root, kind, f"{i}.png"), tf.io.encode_png(pixels))

train_ds = keras.utils.image_dataset_from_directory(root, image_size=(32, 32), batch_size=8, seed=1)

inputs = keras.Input(shape=(32, 32, 3))
x = layers.Rescaling(1.0 / 255)(inputs)
x = layers.Conv2D(8, 3, activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(3, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(train_ds, epochs=1, verbose=0)
