# Sensor windows decoded by a numpy routine inside a tf.data pipeline, then fed to a small regressor.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

N_FEATURES = 16
rng = np.random.default_rng(8)
raw = rng.standard_normal((200, N_FEATURES)).astype("float32")
targets = (raw.sum(axis=1) > 0).astype("float32")


def decode_window(index):
    row = raw[index]
    row = (row - row.mean()) / (row.std() + 1e-6)  # numpy-only preprocessing
    return row.astype("float32"), targets[index]


ds = tf.data.Dataset.range(len(raw))
ds = ds.map(lambda i: tf.numpy_function(decode_window, [i], [tf.float32, tf.float32]))
ds = ds.shuffle(64).batch(32)

inputs = keras.Input(shape=(N_FEATURES,))
x = layers.Dense(32, activation="relu")(inputs)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])

model.fit(ds, epochs=2, verbose=0)
print(model.evaluate(ds, verbose=0))
