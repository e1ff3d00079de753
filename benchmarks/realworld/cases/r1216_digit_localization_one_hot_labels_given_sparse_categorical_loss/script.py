import numpy as np
import tensorflow as tf
import keras
from keras import layers

BATCH_SIZE = 16
rng = np.random.default_rng(5)
digits = (rng.uniform(size=(96, 28, 28)) * 255).astype("uint8")
digit_labels = rng.integers(0, 10, size=96)


def read_image_tfds(image, label):
    # place the 28x28 digit at a random spot of a 75x75 canvas and return its box
    xmin = tf.random.uniform((), 0, 48, dtype=tf.int32)
    ymin = tf.random.uniform((), 0, 48, dtype=tf.int32)
    image = tf.reshape(image, (28, 28, 1))
    image = tf.image.pad_to_bounding_box(image, ymin, xmin, 75, 75)
    image = tf.cast(image, tf.float32) / 255.0
    xmin = tf.cast(xmin, tf.float32)
    ymin = tf.cast(ymin, tf.float32)
    xmax = (xmin + 28) / 75
    ymax = (ymin + 28) / 75
    xmin = xmin / 75
    ymin = ymin / 75
    return image, (tf.one_hot(label, 10), tf.stack([xmin, ymin, xmax, ymax]))


training_dataset = (tf.data.Dataset.from_tensor_slices((digits, digit_labels))
                    .map(read_image_tfds).shuffle(96).batch(BATCH_SIZE, drop_remainder=True))

inputs = keras.Input(shape=(75, 75, 1))
x = layers.Conv2D(16, 3, activation="relu")(inputs)
x = layers.AveragePooling2D((2, 2))(x)
x = layers.Conv2D(32, 3, activation="relu")(x)
x = layers.AveragePooling2D((2, 2))(x)
x = layers.Conv2D(64, 3, activation="relu")(x)
x = layers.AveragePooling2D((2, 2))(x)
x = layers.Flatten()(x)
x = layers.Dense(128, activation="relu")(x)
classification_output = layers.Dense(10, activation="softmax", name="classification")(x)
bounding_box_output = layers.Dense(4, name="bounding_box")(x)
model = keras.Model(inputs=inputs, outputs=[classification_output, bounding_box_output])

model.compile(optimizer="adam",
              loss={"classification": "sparse_categorical_crossentropy", "bounding_box": "mse"},
              metrics={"classification": "accuracy", "bounding_box": "mse"})
history = model.fit(training_dataset, epochs=1, verbose=0)
print({k: round(float(v[-1]), 4) for k, v in history.history.items()})
