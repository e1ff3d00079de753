# House-price regressor trained with the custom loss class of the Keras training guide:
# mean squared error plus a small penalty pulling predictions towards 0.5 (prices
# are scaled to [0, 1]).
import numpy as np
import keras
from keras import layers, ops

rng = np.random.default_rng(77)
features = rng.normal(size=(512, 8)).astype("float32")
weights = rng.normal(size=(8,)).astype("float32")
raw_price = features @ weights
price = ((raw_price - raw_price.min()) / (raw_price.max() - raw_price.min())).astype("float32")


class CustomMSE(keras.losses.Loss):
    def __init__(self, regularization_factor=0.1, name="custom_mse"):
        super().__init__(name=name)
        self.regularization_factor = regularization_factor

    def call(self, y_true, y_pred):
        mse = ops.mean(ops.square(y_true - y_pred), axis=-1)
        reg = ops.mean(ops.square(0.5 - y_pred), axis=-1)
        return mse + reg * self.regularization_factor


inputs = keras.Input(shape=(8,), name="features")
x = layers.Dense(64, activation="relu", name="dense_1")(inputs)
x = layers.Dense(64, activation="relu", name="dense_2")(x)
outputs = layers.Dense(1, activation="sigmoid", name="price")(x)
regressor = keras.Model(inputs=inputs, outputs=outputs)

regressor.compile(optimizer=keras.optimizers.Adam(), loss=CustomMSE(), metrics=["mae"])
history = regressor.fit(features, price, batch_size=64, epochs=3, verbose=0)
print(history.history["loss"][-1], history.history["mae"][-1])
