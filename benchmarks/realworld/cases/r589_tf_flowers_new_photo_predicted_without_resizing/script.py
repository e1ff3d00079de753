# Flower classifier (Rescaling + three Conv2D/MaxPooling2D blocks + Dense head) trained
# on small random images, then asked about a new photo read from a PNG file.
import os
import tempfile
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

img_height, img_width = 64, 64
class_names = ["daisy", "dandelion", "roses", "sunflowers", "tulips"]
num_classes = len(class_names)

rng = np.random.default_rng(21)
train_images = rng.integers(0, 256, size=(160, img_height, img_width, 3)).astype("float32")
train_labels = rng.integers(0, num_classes, size=(160,))

model = tf.keras.Sequential([
    layers.Input(shape=(img_height, img_width, 3)),
    layers.Rescaling(1.0 / 255),
    layers.Conv2D(16, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(32, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(64, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(128, activation="relu"),
    layers.Dense(num_classes),
])
model.compile(optimizer="adam",
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])
model.fit(train_images, train_labels, epochs=1, batch_size=32, verbose=0)

sunflower_path = os.path.join(tempfile.mkdtemp(), "sunflower.png")
photo = rng.integers(0, 256, size=(90, 120, 3)).astype("uint8")
tf.io.write_file(sunflower_path, tf.io.encode_png(photo))

img = tf.io.decode_png(tf.io.read_file(sunflower_path), channels=3)
img_array = tf.cast(img, tf.float32)
img_array = tf.expand_dims(img_array, 0)  # Create a batch

predictions = model.predict(img_array, verbose=0)
score = tf.nn.softmax(predictions[0])
print("This image most likely belongs to {} with a {:.2f} percent confidence."
      .format(class_names[np.argmax(score)], 100 * np.max(score)))
