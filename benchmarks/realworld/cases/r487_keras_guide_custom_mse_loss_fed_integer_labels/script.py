# MNIST-style MLP trained with a hand-written mean-squared-error loss on the class probabilities.
import numpy as np
import keras
from keras import layers, ops

rng = np.random.default_rng(12)
x_train = rng.random((600, 784), dtype=np.float32)
y_train = rng.integers(0, 10, size=(600,))
x_train[np.arange(600), (y_train * 70).astype(int)] += 4.0  # make the classes learnable


def get_uncompiled_model():
    inputs = keras.Input(shape=(784,), name="digits")
    x = layers.Dense(64, activation="relu", name="dense_1")(inputs)
    x = layers.Dense(64, activation="relu", name="dense_2")(x)
    outputs = layers.Dense(10, activation="softmax", name="predictions")(x)
    return keras.Model(inputs=inputs, outputs=outputs)


def custom_mean_squared_error(y_true, y_pred):
    return ops.mean(ops.square(y_true - y_pred), axis=-1)


model = get_uncompiled_model()
model.compile(optimizer=keras.optimizers.Adam(), loss=custom_mean_squared_error)
model.fit(x_train, y_train, batch_size=64, epochs=3, verbose=0)

probs = model.predict(x_train, verbose=0)
print("train accuracy:", float(np.mean(probs.argmax(axis=1) == y_train)))
