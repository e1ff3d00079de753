import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

target_shape = (64, 64)


def load_images(n, channels):
    # stands for decode_jpeg(..., channels=channels) + resize on n image files
    return np.random.rand(n, *target_shape, channels).astype("float32")


anchor_images = load_images(16, channels=3)
positive_images = load_images(16, channels=3)
negative_images = load_images(16, channels=1)
dataset = tf.data.Dataset.from_tensor_slices((anchor_images, positive_images, negative_images)).batch(8)

base_input = keras.Input(shape=target_shape + (3,))
x = layers.Conv2D(16, 3, strides=2, activation="relu")(base_input)
x = layers.GlobalAveragePooling2D()(x)
dense1 = layers.Dense(32, activation="relu")(x)
output = layers.Dense(16)(dense1)
embedding = keras.Model(base_input, output, name="Embedding")


class DistanceLayer(layers.Layer):
    def call(self, anchor, positive, negative):
        ap_distance = ops.sum(ops.square(anchor - positive), -1)
        an_distance = ops.sum(ops.square(anchor - negative), -1)
        return (ap_distance, an_distance)


anchor_input = layers.Input(name="anchor", shape=target_shape + (3,))
positive_input = layers.Input(name="positive", shape=target_shape + (3,))
negative_input = layers.Input(name="negative", shape=target_shape + (3,))
distances = DistanceLayer()(embedding(anchor_input), embedding(positive_input), embedding(negative_input))
siamese_network = keras.Model(inputs=[anchor_input, positive_input, negative_input], outputs=distances)


class SiameseModel(keras.Model):
    def __init__(self, siamese_network, margin=0.5):
        super().__init__()
        self.siamese_network = siamese_network
        self.margin = margin
        self.loss_tracker = keras.metrics.Mean(name="loss")

    def call(self, inputs):
        return self.siamese_network(inputs)

    def train_step(self, data):
        with tf.GradientTape() as tape:
            loss = self._compute_loss(data)
        gradients = tape.gradient(loss, self.siamese_network.trainable_weights)
        self.optimizer.apply_gradients(zip(gradients, self.siamese_network.trainable_weights))
        self.loss_tracker.update_state(loss)
        return {"loss": self.loss_tracker.result()}

    def _compute_loss(self, data):
        ap_distance, an_distance = self.siamese_network(list(data))
        loss = ap_distance - an_distance
        return ops.maximum(loss + self.margin, 0.0)

    @property
    def metrics(self):
        return [self.loss_tracker]


siamese_model = SiameseModel(siamese_network)
siamese_model.compile(optimizer=keras.optimizers.Adam(0.0001))
siamese_model.fit(dataset, epochs=1, verbose=0)
