import numpy as np
import tensorflow as tf

# 16 sensor readings arranged as a 4x4 grid.
readings = np.random.rand(50, 4, 4, 1).astype("float32")
status = np.random.randint(0, 3, size=(50,))

conv_layer = tf.keras.layers.Conv2D(filters=16, kernel_size=(5, 5), strides=(1, 1), padding="valid")
model = tf.keras.Sequential([
    tf.keras.Input(shape=(4, 4, 1)),
    conv_layer,
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(3, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(readings, status, epochs=1, verbose=0)
