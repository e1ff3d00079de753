import numpy as np
import tensorflow as tf
from tensorflow.keras import layers
from tensorflow.keras.models import Sequential

batch_size = 8
img_height = 64
img_width = 64
class_names = ["daisy", "dandelion", "roses", "sunflowers", "tulips"]
num_classes = len(class_names)

# Stand-in for image_dataset_from_directory: uint8-range images and integer class ids
images = np.random.randint(0, 256, size=(32, img_height, img_width, 3)).astype("float32")
labels = np.random.randint(0, num_classes, size=(32,))
train_ds = tf.data.Dataset.from_tensor_slices((images, labels)).batch(batch_size)

model = Sequential([
    layers.Rescaling(1.0 / 255, input_shape=(img_height, img_width, 3)),
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
              loss=tf.keras.losses.CategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])
history = model.fit(train_ds, epochs=1, verbose=0)
