import numpy as np
import tensorflow as tf
import keras
from keras import layers

IMAGE_SIZE = [64, 64]
BATCH_SIZE = 8
CLASS_NAMES = ["NORMAL", "PNEUMONIA"]

# Chest X-ray file paths and decoded images (random here)
filenames = [f"chest_xray/train/{CLASS_NAMES[i % 2]}/img_{i}.jpeg" for i in range(32)]
images = np.random.randint(0, 256, size=(32, 64, 64, 3)).astype("uint8")


def get_label(file_path):
    parts = tf.strings.split(file_path, "/")
    label = parts[-2] == "PNEUMONIA"
    return tf.one_hot(tf.cast(label, tf.int32), 2)


def process_path(image, path):
    return tf.image.resize(image, IMAGE_SIZE), get_label(path)


ds = tf.data.Dataset.from_tensor_slices((images, filenames))
train_ds = ds.map(process_path).batch(BATCH_SIZE)


def conv_block(filters, inputs):
    x = layers.SeparableConv2D(filters, 3, activation="relu", padding="same")(inputs)
    x = layers.SeparableConv2D(filters, 3, activation="relu", padding="same")(x)
    x = layers.BatchNormalization()(x)
    return layers.MaxPool2D()(x)


def dense_block(units, dropout_rate, inputs):
    x = layers.Dense(units, activation="relu")(inputs)
    x = layers.BatchNormalization()(x)
    return layers.Dropout(dropout_rate)(x)


def build_model():
    inputs = keras.Input(shape=(IMAGE_SIZE[0], IMAGE_SIZE[1], 3))
    x = layers.Rescaling(1.0 / 255)(inputs)
    x = layers.Conv2D(16, 3, activation="relu", padding="same")(x)
    x = layers.MaxPool2D()(x)
    x = conv_block(32, x)
    x = conv_block(64, x)
    x = layers.Flatten()(x)
    x = dense_block(64, 0.5, x)
    outputs = layers.Dense(1, activation="sigmoid")(x)
    return keras.Model(inputs=inputs, outputs=outputs)


model = build_model()
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy",
              metrics=[keras.metrics.BinaryAccuracy(), keras.metrics.Precision(name="precision")])
model.fit(train_ds, epochs=1, class_weight={0: 1.9, 1: 0.7}, verbose=0)
