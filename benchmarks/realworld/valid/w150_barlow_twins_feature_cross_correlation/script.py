# Barlow Twins pretraining on small RGB crops: each projector unit is standardised over
# the batch, the (units x units) cross-correlation between the two views is computed,
# and the loss pulls its diagonal to 1 and its off-diagonal entries to 0.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

GLOBAL_BATCH = 12
EMBED_UNITS = 20
SIDE = 24


def standardize_units(z):
    return (z - tf.reduce_mean(z, axis=0)) / (tf.math.reduce_std(z, axis=0) + 1e-6)


def redundancy_reduction_loss(z1, z2, lambda_offdiag=5e-3):
    n = tf.cast(tf.shape(z1)[0], tf.float32)
    corr = tf.matmul(standardize_units(z1), standardize_units(z2), transpose_a=True) / n
    invariance = tf.reduce_sum(tf.square(tf.linalg.diag_part(corr) - 1.0))
    redundancy = tf.reduce_sum(tf.square(tf.linalg.set_diag(corr, tf.zeros(EMBED_UNITS))))
    return invariance + lambda_offdiag * redundancy


def make_backbone_and_projector():
    pic = keras.Input((SIDE, SIDE, 3))
    h = layers.Conv2D(16, 3, padding="same", activation="relu")(pic)
    h = layers.MaxPooling2D()(h)
    skip = layers.Conv2D(32, 1, strides=2)(h)
    h = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(h)
    h = layers.BatchNormalization()(layers.Conv2D(32, 3, padding="same")(h))
    h = layers.Activation("relu")(layers.Add()([h, skip]))
    h = layers.GlobalAveragePooling2D()(h)
    for _ in range(2):
        h = layers.ReLU()(layers.BatchNormalization()(layers.Dense(EMBED_UNITS)(h)))
    return keras.Model(pic, layers.Dense(EMBED_UNITS)(h))


class TwinTrainer(keras.Model):
    def __init__(self):
        super().__init__()
        self.net = make_backbone_and_projector()
        self.tracker = keras.metrics.Mean(name="bt_loss")

    @property
    def metrics(self):
        return [self.tracker]

    def train_step(self, data):
        first, second = data
        with tf.GradientTape() as tape:
            loss = redundancy_reduction_loss(self.net(first, training=True), self.net(second, training=True))
        grads = tape.gradient(loss, self.net.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.net.trainable_variables))
        self.tracker.update_state(loss)
        return {"bt_loss": self.tracker.result()}


gen = np.random.default_rng(150)
crops = gen.random((48, SIDE, SIDE, 3)).astype("float32")
aug_a = np.clip(crops * gen.uniform(0.8, 1.2, (48, 1, 1, 3)), 0, 1).astype("float32")
aug_b = np.ascontiguousarray(crops[:, ::-1]).astype("float32")
views = tf.data.Dataset.from_tensor_slices((aug_a, aug_b)).shuffle(48).batch(GLOBAL_BATCH, drop_remainder=True)

trainer = TwinTrainer()
trainer.compile(optimizer=keras.optimizers.Adam(1e-3))
log = trainer.fit(views, epochs=2, verbose=0)
print("loss per epoch", [round(v, 3) for v in log.history["bt_loss"]])
