import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(42)
true_w = rng.normal(size=(8, 1)).astype("float32")
X_train = rng.normal(size=(400, 8)).astype("float32")
y_train = X_train @ true_w
X_valid = rng.normal(size=(100, 8)).astype("float32")
y_valid = X_valid @ true_w


def housing_dataset(X, y, shuffle_buffer_size=10_000, seed=42, batch_size=32):
    dataset = tf.data.Dataset.from_tensor_slices((X, y))
    dataset = dataset.shuffle(shuffle_buffer_size, seed=seed)
    return dataset.prefetch(1)


train_set = housing_dataset(X_train, y_train)
valid_set = housing_dataset(X_valid, y_valid)

model = keras.Sequential(
    [
        keras.Input(shape=X_train.shape[1:]),
        layers.Dense(30, activation="relu", kernel_initializer="he_normal"),
        layers.Dense(1),
    ]
)
model.compile(loss="mse", optimizer="sgd")
model.fit(train_set, validation_data=valid_set, epochs=5)
