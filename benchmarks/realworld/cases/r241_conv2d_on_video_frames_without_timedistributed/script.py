import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

# Each sample is a sequence of 7 views (frames) of 28 x 28 RGB images
num_samples, seq_len, height, width, channels = 40, 7, 28, 28, 3
x_train = np.random.rand(num_samples, seq_len, height, width, channels).astype("float32")
y_train = np.random.randint(0, 4, size=(num_samples,))

inputs = tf.keras.Input(shape=(seq_len, height, width, channels))
x = layers.Conv2D(16, 3, activation="relu")(inputs)
x = layers.TimeDistributed(layers.GlobalAveragePooling2D())(x)
x = layers.LSTM(32)(x)
outputs = layers.Dense(4, activation="softmax")(x)
model = tf.keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, batch_size=8, epochs=1, verbose=0)
