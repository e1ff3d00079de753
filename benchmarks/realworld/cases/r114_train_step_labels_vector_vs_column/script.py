import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops


class MyKerasModel(keras.Model):
    def __init__(self):
        super().__init__()
        self.hidden = layers.Dense(32, activation="relu")
        self.out = layers.Dense(1)

    def call(self, x):
        return self.out(self.hidden(x))

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = ops.mean(ops.square(y - y_pred))
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"loss": loss}


x = np.random.rand(256, 4).astype("float32")
y = (x.sum(axis=1) * 2.0).astype("float32")

model = MyKerasModel()
model.compile(optimizer=keras.optimizers.Adam(1e-3))
model.fit(x, y, batch_size=16, epochs=1, verbose=0)
