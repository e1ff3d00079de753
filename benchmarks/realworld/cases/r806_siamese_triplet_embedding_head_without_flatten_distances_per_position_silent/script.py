# Triplet Siamese network: a conv base plus a dense head embeds anchor, positive and
# negative images, a distance layer returns the two squared distances, and a model
# with its own train_step minimizes the triplet loss max(d(a,p) - d(a,n) + margin, 0).
import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops, metrics, optimizers, Model

target_shape = (64, 64)
gen = np.random.default_rng(806)
anchors = gen.random((48,) + target_shape + (3,)).astype("float32")
positives = np.clip(anchors + 0.05 * gen.normal(size=anchors.shape), 0, 1).astype("float32")
negatives = gen.random((48,) + target_shape + (3,)).astype("float32")

triplets = tf.data.Dataset.from_tensor_slices((anchors, positives, negatives))
train_triplets = triplets.take(40).batch(8).prefetch(tf.data.AUTOTUNE)
val_triplets = triplets.skip(40).batch(8)

img_in = keras.Input(shape=target_shape + (3,))
c = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(img_in)
c = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(c)
c = layers.Conv2D(64, 3, strides=2, padding="same", activation="relu")(c)
base = Model(img_in, c, name="conv_base")
d1 = layers.Dense(128, activation="relu")(base.output)
d1 = layers.BatchNormalization()(d1)
d2 = layers.Dense(64, activation="relu")(d1)
d2 = layers.BatchNormalization()(d2)
emb_out = layers.Dense(64)(d2)
embedder = Model(base.input, emb_out, name="Embedding")


class PairDistances(layers.Layer):
    def call(self, anchor, positive, negative):
        ap = ops.sum(ops.square(anchor - positive), -1)
        an = ops.sum(ops.square(anchor - negative), -1)
        return (ap, an)


a_in = layers.Input(name="anchor", shape=target_shape + (3,))
p_in = layers.Input(name="positive", shape=target_shape + (3,))
n_in = layers.Input(name="negative", shape=target_shape + (3,))
dists = PairDistances()(embedder(a_in), embedder(p_in), embedder(n_in))
triplet_net = Model(inputs=[a_in, p_in, n_in], outputs=dists)


class TripletModel(Model):
    def __init__(self, net, margin=0.5):
        super().__init__()
        self.net = net
        self.margin = margin
        self.loss_tracker = metrics.Mean(name="loss")

    def call(self, inputs):
        return self.net(inputs)

    def train_step(self, data):
        with tf.GradientTape() as tape:
            loss = self._triplet_loss(data)
        grads = tape.gradient(loss, self.net.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.net.trainable_weights))
        self.loss_tracker.update_state(loss)
        return {"loss": self.loss_tracker.result()}

    def test_step(self, data):
        self.loss_tracker.update_state(self._triplet_loss(data))
        return {"loss": self.loss_tracker.result()}

    def _triplet_loss(self, data):
        ap, an = self.net(data)
        return tf.maximum(ap - an + self.margin, 0.0)

    @property
    def metrics(self):
        return [self.loss_tracker]


siamese = TripletModel(triplet_net)
siamese.compile(optimizer=optimizers.Adam(1e-4))
history = siamese.fit(train_triplets, epochs=2, validation_data=val_triplets, verbose=0)
print("loss", history.history["loss"][-1])

a, p, n = next(iter(val_triplets))
cos = metrics.CosineSimilarity()
print("positive similarity", float(cos(embedder(a), embedder(p))))
