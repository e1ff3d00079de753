# Cats vs dogs transfer learning: a frozen MobileNetV2 base with a new binary head, images read from folders.
import atexit
import os
import shutil
import tempfile

import numpy as np
import tensorflow as tf

# A tiny cats_and_dogs_filtered-like folder tree of PNG photos of various sizes.
PATH = tempfile.mkdtemp()
atexit.register(shutil.rmtree, PATH, ignore_errors=True)
rng = np.random.default_rng(160)
for split in ["train", "validation"]:
    for label in ["cats", "dogs"]:
        os.makedirs(os.path.join(PATH, split, label))
        for i in range(8):
            photo = rng.integers(0, 256, size=(rng.integers(180, 300), rng.integers(180, 300), 3), dtype=np.uint8)
            tf.io.write_file(os.path.join(PATH, split, label, f"{label}.{i}.png"), tf.io.encode_png(photo))
train_dir = os.path.join(PATH, "train")
validation_dir = os.path.join(PATH, "validation")

BATCH_SIZE = 8
IMG_SIZE = (160, 160)
train_dataset = tf.keras.utils.image_dataset_from_directory(train_dir, shuffle=True,
                                                            batch_size=BATCH_SIZE, image_size=IMG_SIZE)
validation_dataset = tf.keras.utils.image_dataset_from_directory(validation_dir, shuffle=True,
                                                                 batch_size=BATCH_SIZE)
AUTOTUNE = tf.data.AUTOTUNE
train_dataset = train_dataset.prefetch(buffer_size=AUTOTUNE)
validation_dataset = validation_dataset.prefetch(buffer_size=AUTOTUNE)

data_augmentation = tf.keras.Sequential([
    tf.keras.layers.RandomFlip("horizontal"),
    tf.keras.layers.RandomRotation(0.2),
])
preprocess_input = tf.keras.applications.mobilenet_v2.preprocess_input

IMG_SHAPE = IMG_SIZE + (3,)
base_model = tf.keras.applications.MobileNetV2(input_shape=IMG_SHAPE, alpha=0.35,
                                               include_top=False, weights=None)
base_model.trainable = False

inputs = tf.keras.Input(shape=IMG_SHAPE)
x = data_augmentation(inputs)
x = preprocess_input(x)
x = base_model(x, training=False)
x = tf.keras.layers.GlobalAveragePooling2D()(x)
x = tf.keras.layers.Dropout(0.2)(x)
outputs = tf.keras.layers.Dense(1)(x)
model = tf.keras.Model(inputs, outputs)

model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=0.0001),
              loss=tf.keras.losses.BinaryCrossentropy(from_logits=True),
              metrics=[tf.keras.metrics.BinaryAccuracy(threshold=0.5, name="accuracy")])

loss0, accuracy0 = model.evaluate(validation_dataset, verbose=0)
print(f"initial loss: {loss0:.2f}, initial accuracy: {accuracy0:.2f}")
history = model.fit(train_dataset, epochs=1, validation_data=validation_dataset, verbose=0)
