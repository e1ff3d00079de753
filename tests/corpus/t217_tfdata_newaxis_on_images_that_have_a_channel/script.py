import numpy as np
import tensorflow as tf
import keras
from keras import layers

# The images already carry their channel axis: (N, 28, 28, 1).
rng = np.random.default_rng(217)
X_train = rng.random((64, 28, 28, 1)).astype("float32")
y_train = rng.integers(0, 10, size=(64,))
batch_size = 16
dataset = tf.data.Dataset.from_tensor_slices((X_train[..., np.newaxis], y_train)).repeat().batch(batch_size)

model = keras.Sequential([
    layers.Conv2D(16, 3, activation="relu", padding="same"),
    layers.MaxPooling2D(2),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
model.compile(loss="sparse_categorical_crossentropy", optimizer="nadam")
model.fit(dataset, steps_per_epoch=len(X_train) // batch_size, epochs=1, verbose=0)
