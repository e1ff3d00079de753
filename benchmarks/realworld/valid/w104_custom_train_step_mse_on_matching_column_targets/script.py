# House-price style regressor with its own train_step: targets are reshaped to the (batch, 1) output.
import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

rng = np.random.default_rng(2026)
features = rng.standard_normal((384, 12)).astype("float32")
coef = rng.standard_normal(12).astype("float32")
prices = (features @ coef + 0.05 * rng.standard_normal(384)).astype("float32")  # (384,)


class PriceModel(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.body = layers.Dense(24, activation="relu")
        self.price = layers.Dense(1)
        self.mse_tracker = keras.metrics.Mean(name="mse")

    def call(self, inputs):
        return self.price(self.body(inputs))

    def train_step(self, data):
        x, target = data
        target = ops.reshape(target, (-1, 1))  # same (batch, 1) shape as the prediction
        with tf.GradientTape() as tape:
            prediction = self(x, training=True)
            mse = ops.mean(ops.square(target - prediction))
        grads = tape.gradient(mse, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        self.mse_tracker.update_state(mse)
        return {"mse": self.mse_tracker.result()}

    @property
    def metrics(self):
        return [self.mse_tracker]


net = PriceModel()
net.compile(optimizer=keras.optimizers.Adam(0.01))
net.fit(features, prices, batch_size=32, epochs=25, verbose=0)
estimate = net.predict(features, verbose=0)[:, 0]
mse = float(np.mean((estimate - prices) ** 2))
print("per-sample MSE", mse, "target variance", float(prices.var()))
assert mse < 0.5 * float(prices.var())
