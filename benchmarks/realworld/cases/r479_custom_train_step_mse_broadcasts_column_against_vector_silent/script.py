# Tabular regressor with a hand-written training step (custom MSE inside train_step).
import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

rng = np.random.default_rng(92)
X = rng.standard_normal((512, 8)).astype("float32")
w = rng.standard_normal(8).astype("float32")
y = (X @ w + 0.1 * rng.standard_normal(512)).astype("float32")  # shape (512,)


class TabularRegressor(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.hidden = layers.Dense(32, activation="relu")
        self.head = layers.Dense(1)
        self.loss_tracker = keras.metrics.Mean(name="loss")

    def call(self, x):
        return self.head(self.hidden(x))

    def train_step(self, data):
        x, y_true = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = ops.mean(ops.square(y_true - y_pred))
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        self.loss_tracker.update_state(loss)
        return {"loss": self.loss_tracker.result()}

    @property
    def metrics(self):
        return [self.loss_tracker]


model = TabularRegressor()
model.compile(optimizer=keras.optimizers.Adam(0.01))
model.fit(X, y, batch_size=64, epochs=20, verbose=0)
pred = model.predict(X, verbose=0)
print("prediction shape", pred.shape, "per-sample MSE", float(np.mean((pred[:, 0] - y) ** 2)))
