# Two-feature linear regression with a Dense(1) layer and a hand-written squared-error
# loss in train_step; the targets are a plain vector of one value per sample.
import numpy as np
import tensorflow as tf
import keras


class LinearRegressor(keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = keras.layers.Dense(1)

    def call(self, x):
        return self.dense(x)

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean((self(x, training=True) - y) ** 2.0)
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"loss": loss}


rng = np.random.default_rng(46848)
features = rng.normal(size=(256, 2)).astype("float32")
targets = (features @ np.array([2.0, -3.0]) + 0.5).astype("float32")

model = LinearRegressor()
model.compile(optimizer=keras.optimizers.SGD(0.05))
model.fit(features, targets, batch_size=32, epochs=30, verbose=0)
kernel, bias = model.dense.get_weights()
print("learned weights", kernel.ravel(), "bias", bias)
