# Cats vs dogs from scratch (Deep Learning with Python style): pictures are read
# from train/validation/test folders with image_dataset_from_directory, a small
# convnet with global average pooling is trained with a ModelCheckpoint on
# val_loss, and the best saved model is evaluated on the test folder.
import os
import pathlib
import tempfile
import numpy as np
import tensorflow as tf
import keras
from keras import layers
from keras.utils import image_dataset_from_directory

rng = np.random.default_rng(710)
base_dir = pathlib.Path(tempfile.mkdtemp())
for subset, count in (("train", 12), ("validation", 6), ("test", 6)):
    for category in ("cat", "dog"):
        os.makedirs(base_dir / subset / category)
        for i in range(count):
            side = int(rng.integers(110, 170))
            pixels = rng.integers(0, 256, size=(side, side + 20, 3), dtype=np.uint8)
            tf.io.write_file(str(base_dir / subset / category / f"{i}.png"), tf.io.encode_png(pixels))

batch_size = 8
image_size = (96, 96)
train_dataset = image_dataset_from_directory(base_dir / "train", image_size=image_size, batch_size=batch_size)
validation_dataset = image_dataset_from_directory(base_dir / "validation", image_size=image_size, batch_size=batch_size)
test_dataset = image_dataset_from_directory(base_dir / "test", batch_size=batch_size)

inputs = keras.Input(shape=(96, 96, 3))
x = layers.Rescaling(1.0 / 255)(inputs)
for filters in (8, 16, 32, 32):
    x = layers.Conv2D(filters=filters, kernel_size=3, activation="relu")(x)
    x = layers.MaxPooling2D(pool_size=2)(x)
x = layers.Conv2D(filters=64, kernel_size=3, activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)
x = layers.Dropout(0.25)(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs=inputs, outputs=outputs)
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])

checkpoint_path = str(base_dir / "convnet_from_scratch.keras")
callbacks = [keras.callbacks.ModelCheckpoint(filepath=checkpoint_path, save_best_only=True, monitor="val_loss")]
model.fit(train_dataset, epochs=2, validation_data=validation_dataset, callbacks=callbacks, verbose=0)

test_model = keras.models.load_model(checkpoint_path)
test_loss, test_acc = test_model.evaluate(test_dataset, verbose=0)
print(f"Test accuracy: {test_acc:.3f}")
