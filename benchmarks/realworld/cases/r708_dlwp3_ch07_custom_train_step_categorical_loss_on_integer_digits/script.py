# Leveraging fit() with a custom training step (Deep Learning with Python style):
# a functional MNIST-sized classifier whose train_step computes the loss with a
# module-level loss object and tracks it with a Mean metric.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(708)
train_images = rng.random((256, 28 * 28)).astype("float32")
train_labels = rng.integers(0, 10, size=256)

loss_fn = keras.losses.CategoricalCrossentropy()
loss_tracker = keras.metrics.Mean(name="loss")


class StepModel(keras.Model):
    def train_step(self, data):
        inputs, targets = data
        with tf.GradientTape() as tape:
            predictions = self(inputs, training=True)
            loss = loss_fn(targets, predictions)
        gradients = tape.gradient(loss, self.trainable_weights)
        self.optimizer.apply(gradients, self.trainable_weights)
        loss_tracker.update_state(loss)
        return {"loss": loss_tracker.result()}

    @property
    def metrics(self):
        return [loss_tracker]


def get_step_model():
    pixels = keras.Input(shape=(28 * 28,))
    feats = layers.Dense(128, activation="relu")(pixels)
    feats = layers.Dropout(0.5)(feats)
    probs = layers.Dense(10, activation="softmax")(feats)
    net = StepModel(pixels, probs)
    net.compile(optimizer=keras.optimizers.Adam())
    return net


net = get_step_model()
net.fit(train_images, train_labels, epochs=2, verbose=0)
print(float(loss_tracker.result()))
