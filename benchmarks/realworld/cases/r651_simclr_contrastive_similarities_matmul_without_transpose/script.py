# Semi-supervised SimCLR-style pretraining (keras-io): an encoder and a projection head
# are trained with a contrastive (NT-Xent) loss on two augmented views of every image,
# while a linear probe on the frozen features is trained on the few labeled images.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

feat_width = 48
temp = 0.1
rng = np.random.default_rng(12)
unlabeled_x = rng.random((96, 32, 32, 3)).astype("float32")
labeled_x = rng.random((48, 32, 32, 3)).astype("float32")
labeled_y = rng.integers(0, 10, size=(48,))

unlabeled_ds = tf.data.Dataset.from_tensor_slices((unlabeled_x, np.zeros(96, "int64"))).shuffle(96).batch(16, drop_remainder=True)
labeled_ds = tf.data.Dataset.from_tensor_slices((labeled_x, labeled_y)).shuffle(48).batch(8, drop_remainder=True)
pretrain_ds = tf.data.Dataset.zip((unlabeled_ds, labeled_ds))


def make_augmenter():
    return keras.Sequential([layers.RandomFlip("horizontal"), layers.RandomContrast(0.2)])


def make_encoder():
    return keras.Sequential([
        layers.Conv2D(feat_width, 3, strides=2, activation="relu"),
        layers.Conv2D(feat_width, 3, strides=2, activation="relu"),
        layers.Flatten(),
        layers.Dense(feat_width, activation="relu"),
    ], name="encoder")


class SimCLRTrainer(keras.Model):
    def __init__(self):
        super().__init__()
        self.augment = make_augmenter()
        self.encoder = make_encoder()
        self.projector = keras.Sequential([keras.Input(shape=(feat_width,)),
                                           layers.Dense(feat_width, activation="relu"),
                                           layers.Dense(feat_width)], name="projector")
        self.probe = keras.Sequential([keras.Input(shape=(feat_width,)), layers.Dense(10)], name="probe")

    def compile(self, contrastive_optimizer, probe_optimizer, **kwargs):
        super().compile(**kwargs)
        self.contrastive_optimizer = contrastive_optimizer
        self.probe_optimizer = probe_optimizer
        self.probe_loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
        self.c_loss_tracker = keras.metrics.Mean(name="c_loss")
        self.p_loss_tracker = keras.metrics.Mean(name="p_loss")

    @property
    def metrics(self):
        return [self.c_loss_tracker, self.p_loss_tracker]

    def nt_xent(self, proj_a, proj_b):
        proj_a = tf.math.l2_normalize(proj_a, axis=1)
        proj_b = tf.math.l2_normalize(proj_b, axis=1)
        sims = tf.matmul(proj_a, proj_b) / temp
        targets = tf.range(tf.shape(proj_a)[0])
        loss_ab = keras.losses.sparse_categorical_crossentropy(targets, sims, from_logits=True)
        loss_ba = keras.losses.sparse_categorical_crossentropy(targets, tf.transpose(sims), from_logits=True)
        return (loss_ab + loss_ba) / 2

    def train_step(self, data):
        (plain_images, _), (tagged_images, tags) = data
        images = tf.concat((plain_images, tagged_images), axis=0)
        view_a = self.augment(images, training=True)
        view_b = self.augment(images, training=True)
        with tf.GradientTape() as tape:
            proj_a = self.projector(self.encoder(view_a, training=True), training=True)
            proj_b = self.projector(self.encoder(view_b, training=True), training=True)
            c_loss = self.nt_xent(proj_a, proj_b)
        weights = self.encoder.trainable_weights + self.projector.trainable_weights
        self.contrastive_optimizer.apply_gradients(zip(tape.gradient(c_loss, weights), weights))
        self.c_loss_tracker.update_state(c_loss)

        with tf.GradientTape() as tape:
            logits = self.probe(self.encoder(tagged_images, training=False), training=True)
            p_loss = self.probe_loss(tags, logits)
        grads = tape.gradient(p_loss, self.probe.trainable_weights)
        self.probe_optimizer.apply_gradients(zip(grads, self.probe.trainable_weights))
        self.p_loss_tracker.update_state(p_loss)
        return {m.name: m.result() for m in self.metrics}


trainer = SimCLRTrainer()
trainer.compile(contrastive_optimizer=keras.optimizers.Adam(), probe_optimizer=keras.optimizers.Adam())
history = trainer.fit(pretrain_ds, epochs=2, verbose=0)
print({k: v[-1] for k, v in history.history.items()})
