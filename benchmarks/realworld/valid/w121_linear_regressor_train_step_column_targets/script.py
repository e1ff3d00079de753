# Three-feature linear model trained through fit with a hand-written mean squared error
# in train_step; the targets are kept as a (n, 1) column like the Dense(1) output.
import numpy as np
import tensorflow as tf
import keras


class ColumnRegressor(keras.Model):
    def __init__(self):
        super().__init__()
        self.head = keras.layers.Dense(1)

    def call(self, inputs):
        return self.head(inputs)

    def train_step(self, batch):
        inputs, wanted = batch
        with tf.GradientTape() as tape:
            guess = self(inputs, training=True)
            loss = tf.reduce_mean(tf.square(guess - wanted))
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"mse": loss}


rng = np.random.default_rng(121)
inputs = rng.normal(size=(300, 3)).astype("float32")
wanted = (inputs @ np.array([1.5, 0.0, -2.0]) - 1.0).astype("float32")[:, None]

regressor = ColumnRegressor()
regressor.compile(optimizer=keras.optimizers.SGD(0.05))
regressor.fit(inputs, wanted, batch_size=25, epochs=25, verbose=0)
weights, offset = regressor.head.get_weights()
print("weights", weights.ravel().round(2), "offset", offset.round(2))
