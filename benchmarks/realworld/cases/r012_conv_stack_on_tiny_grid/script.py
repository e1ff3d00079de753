import numpy as np
import tensorflow as tf

# 7x9 grids of sensor values, one channel, regression target.
grids = np.random.rand(100, 7, 9, 1).astype("float32")
target = np.random.rand(100, 1).astype("float32")

model = tf.keras.models.Sequential()
model.add(tf.keras.layers.Conv2D(4, kernel_size=(3, 3), activation="relu", input_shape=(7, 9, 1)))
model.add(tf.keras.layers.Conv2D(4, kernel_size=(3, 3), activation="relu"))
model.add(tf.keras.layers.Conv2D(4, kernel_size=(3, 3), activation="relu"))
model.add(tf.keras.layers.Conv2D(4, kernel_size=(3, 3), activation="relu"))
model.add(tf.keras.layers.Flatten())
model.add(tf.keras.layers.Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(grids, target, epochs=1, batch_size=20, verbose=0)
