# Small convnet scoring 12x24 three-channel sensor "images" as good/bad, trained from a
# tf.data pipeline (shuffle/repeat/batch/prefetch) with a separate validation dataset.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(44250)
train_x = rng.uniform(0, 10, size=(240, 12, 24, 3)).astype("float32")
train_y = rng.integers(0, 2, size=240)
val_x = rng.uniform(0, 10, size=(60, 12, 24, 3)).astype("float32")
val_y = rng.integers(0, 2, size=60)

model = keras.Sequential([
    keras.Input(shape=(12, 24, 3)),
    layers.Conv2D(16, 3, activation="relu", padding="same"),
    layers.MaxPooling2D(),
    layers.GlobalAveragePooling2D(),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(loss="mse", optimizer=keras.optimizers.SGD(1e-3), metrics=["accuracy"])

AUTOTUNE = tf.data.AUTOTUNE
train_ds = tf.data.Dataset.from_tensor_slices((train_x, train_y))
train_ds = train_ds.shuffle(240).repeat().batch(32).prefetch(AUTOTUNE)
val_ds = tf.data.Dataset.from_tensor_slices((val_x, val_y)).prefetch(AUTOTUNE)

model.fit(train_ds, validation_data=val_ds, epochs=2, steps_per_epoch=5, verbose=0)
print("trained")
