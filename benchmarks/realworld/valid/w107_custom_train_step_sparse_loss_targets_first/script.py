# Small digit classifier trained by fit() through an overridden train_step with its own loss tracker.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(41)
pixels = rng.random((384, 64), dtype=np.float32)
digits = rng.integers(0, 10, size=(384,))

xent = keras.losses.SparseCategoricalCrossentropy()
running_loss = keras.metrics.Mean(name="loss")


class StepModel(keras.Model):
    def train_step(self, batch):
        images, labels = batch
        with tf.GradientTape() as tape:
            probs = self(images, training=True)
            loss = xent(labels, probs)
        grads = tape.gradient(loss, self.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.trainable_weights))
        running_loss.update_state(loss)
        return {"loss": running_loss.result()}

    @property
    def metrics(self):
        return [running_loss]


pixel_in = keras.Input(shape=(64,))
hidden = layers.Dense(128, activation="relu")(pixel_in)
hidden = layers.Dropout(0.3)(hidden)
probs_out = layers.Dense(10, activation="softmax")(hidden)
net = StepModel(pixel_in, probs_out)
net.compile(optimizer=keras.optimizers.RMSprop())
net.fit(pixels, digits, epochs=2, batch_size=64, verbose=0)
print("loss after training:", float(running_loss.result()))
