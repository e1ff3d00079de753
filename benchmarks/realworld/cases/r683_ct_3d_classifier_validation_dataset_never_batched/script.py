# 3D convnet predicting the presence of viral pneumonia from CT volumes: volumes and
# labels go through tf.data loaders, the preprocessing adds the channel axis, and the
# model is trained with a validation dataset.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(64)
scans = rng.random((20, 32, 32, 16)).astype("float32")
abnormal = rng.integers(0, 2, size=20).astype("float32")
x_train, x_val = scans[:14], scans[14:]
y_train, y_val = abnormal[:14], abnormal[14:]


def train_preprocessing(volume, label):
    volume = tf.image.random_flip_left_right(volume)
    volume = tf.expand_dims(volume, axis=3)
    return volume, label


def validation_preprocessing(volume, label):
    volume = tf.expand_dims(volume, axis=3)
    return volume, label


train_loader = tf.data.Dataset.from_tensor_slices((x_train, y_train))
validation_loader = tf.data.Dataset.from_tensor_slices((x_val, y_val))
batch_size = 2
train_dataset = (
    train_loader.shuffle(len(x_train)).map(train_preprocessing).batch(batch_size).prefetch(2)
)
validation_dataset = (
    validation_loader.shuffle(len(x_val)).map(validation_preprocessing).prefetch(2)
)


def get_model(width=32, height=32, depth=16):
    inputs = keras.Input((width, height, depth, 1))
    x = layers.Conv3D(filters=8, kernel_size=3, activation="relu")(inputs)
    x = layers.MaxPool3D(pool_size=2)(x)
    x = layers.BatchNormalization()(x)
    x = layers.Conv3D(filters=16, kernel_size=3, activation="relu")(x)
    x = layers.MaxPool3D(pool_size=2)(x)
    x = layers.BatchNormalization()(x)
    x = layers.GlobalAveragePooling3D()(x)
    x = layers.Dense(units=32, activation="relu")(x)
    x = layers.Dropout(0.3)(x)
    outputs = layers.Dense(units=1, activation="sigmoid")(x)
    return keras.Model(inputs, outputs, name="3dcnn")


model = get_model()
model.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(1e-4),
              metrics=["acc"])
model.fit(train_dataset, validation_data=validation_dataset, epochs=1, shuffle=True, verbose=0)
