import numpy as np
import tensorflow as tf
from tensorflow import keras

rng = np.random.default_rng(5)
x_train = rng.random((256, 28, 28)).astype("float32")
y_train = rng.integers(0, 10, size=(256,))
x_val = rng.random((64, 28, 28)).astype("float32")
y_val = rng.integers(0, 10, size=(64,))


def build_base_model():
    """
        Base functional api
    """
    inputs = tf.keras.Input(shape=(28, 28))
    x = tf.keras.layers.Dense(64, activation="relu")(inputs)
    x = tf.keras.layers.Dense(64, activation="relu")(x)
    outputs = tf.keras.layers.Dense(10, activation="softmax")(x)
    model = keras.Model(inputs=inputs, outputs=outputs)
    model.compile(
        optimizer="sgd",
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"])
    return model


model = build_base_model()
model.fit(x_train, y_train, batch_size=32, epochs=2, validation_data=(x_val, y_val), verbose=2)
print(model.evaluate(x_val, y_val, verbose=0))
