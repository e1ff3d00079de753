import numpy as np
import tensorflow as tf
from tensorflow.keras import layers

frames, height, width = 10, 32, 32
videos = np.random.rand(16, frames, height, width, 3).astype("float32")
actions = np.random.randint(0, 4, size=(16,))

model = tf.keras.Sequential([
    layers.TimeDistributed(layers.Conv2D(8, 3, activation="relu"), input_shape=(height, width, 3)),
    layers.TimeDistributed(layers.MaxPooling2D(2)),
    layers.TimeDistributed(layers.Flatten()),
    layers.LSTM(16),
    layers.Dense(4, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(videos, actions, epochs=1, batch_size=4, verbose=0)
