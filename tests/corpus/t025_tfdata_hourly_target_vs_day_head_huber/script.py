import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

# Load forecasting: 48 past hourly readings -> the next hour's load.
history = np.random.rand(64, 48).astype("float32")
next_hour = np.random.rand(64, 1).astype("float32")
train_ds = tf.data.Dataset.from_tensor_slices((history, next_hour)).batch(16)

# Head copied from a day-ahead (24 hour) model.
model = keras.Sequential([
    keras.Input(shape=(48,)),
    layers.Dense(32, activation="relu"),
    layers.Dense(24),
])
model.compile(optimizer="adam", loss=keras.losses.Huber())
model.fit(train_ds, epochs=1, verbose=0)
