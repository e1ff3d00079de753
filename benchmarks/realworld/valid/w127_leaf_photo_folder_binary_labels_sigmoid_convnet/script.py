# Healthy-vs-diseased leaf classifier: photos sorted into two class folders are read
# with image_dataset_from_directory (binary labels) and fed to a small sigmoid convnet.
import os
import tempfile
import numpy as np
import tensorflow as tf
import keras
from keras import layers

gen = np.random.default_rng(77)
root = tempfile.mkdtemp()
for cls in ("diseased", "healthy"):
    folder = os.path.join(root, "leaves", cls)
    os.makedirs(folder)
    for k in range(10):
        photo = gen.integers(0, 256, size=(52, 36, 3)).astype("uint8")
        tf.io.write_file(os.path.join(folder, f"leaf_{k}.png"), tf.io.encode_png(photo))

leaf_ds = keras.utils.image_dataset_from_directory(
    os.path.join(root, "leaves"),
    image_size=(48, 48),
    batch_size=6,
    label_mode="binary",
)

inp = keras.Input(shape=(48, 48, 3))
h = layers.Rescaling(1.0 / 255)(inp)
h = layers.Conv2D(16, 3, activation="relu")(h)
h = layers.MaxPooling2D(2)(h)
h = layers.Conv2D(32, 3, activation="relu")(h)
h = layers.GlobalAveragePooling2D()(h)
h = layers.Dropout(0.2)(h)
p_healthy = layers.Dense(1, activation="sigmoid")(h)
classifier = keras.Model(inp, p_healthy)

classifier.compile(loss="binary_crossentropy", optimizer="rmsprop", metrics=["accuracy"])
classifier.fit(leaf_ds, epochs=2, verbose=0)
print(classifier.evaluate(leaf_ds, verbose=0))
