import numpy as np
import tensorflow as tf
import keras
from keras import layers

# Linear regression as a one-unit model with its own train_step and a hand-written MSE.
x = np.random.rand(64, 3).astype("float32")
y = (x @ np.array([1.5, -2.0, 0.5], dtype="float32") + 0.3).astype("float32")


def mse(y_true, y_pred):
    return tf.reduce_mean(tf.square(y_true - y_pred))


class LinearRegression(keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = layers.Dense(1)

    def call(self, inputs):
        return self.dense(inputs)

    def train_step(self, data):
        features, targets = data
        with tf.GradientTape() as tape:
            prediction = self(features, training=True)
            loss = mse(targets, prediction)
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"loss": loss}


model = LinearRegression()
model.compile(optimizer=keras.optimizers.SGD(0.1))
model.fit(x, y, epochs=2, batch_size=16, verbose=0)
