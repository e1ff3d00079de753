import numpy as np
import tensorflow as tf
import keras
from keras import layers

# Small images, binary target; training and validation pipelines.
train_x = np.random.uniform(0, 10, (96, 12, 24, 3)).astype("float32")
train_y = np.random.randint(0, 2, 96).astype("float32")
val_x = np.random.uniform(0, 10, (32, 12, 24, 3)).astype("float32")
val_y = np.random.randint(0, 2, 32).astype("float32")

train_ds = tf.data.Dataset.from_tensor_slices((train_x, train_y)).shuffle(96).batch(16)
val_ds = tf.data.Dataset.from_tensor_slices((val_x, val_y)).prefetch(tf.data.AUTOTUNE)

model = keras.Sequential([
    keras.Input(shape=(12, 24, 3)),
    layers.Conv2D(8, 3, activation="relu", padding="same"),
    layers.MaxPooling2D(),
    layers.GlobalAveragePooling2D(),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="sgd", loss="mse", metrics=["accuracy"])
model.fit(train_ds, validation_data=val_ds, epochs=1, verbose=0)
