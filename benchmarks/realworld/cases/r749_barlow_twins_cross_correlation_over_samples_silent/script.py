# Barlow Twins self-supervised pretraining: two augmented views of each image go
# through the same encoder + projector, and the loss pushes the cross-correlation
# matrix of the (standardised) projector dimensions towards the identity.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

BATCH = 16
PROJ_DIM = 24
IMG = 32


class BarlowLoss(keras.losses.Loss):
    def __init__(self, batch_size, lambda_amt=5e-3):
        super().__init__()
        self.batch_size = batch_size
        self.lambda_amt = lambda_amt

    def standardize(self, z):
        return (z - tf.reduce_mean(z, axis=0)) / (tf.math.reduce_std(z, axis=0) + 1e-6)

    def cross_correlation(self, za_std, zb_std):
        return (za_std @ tf.transpose(zb_std)) / self.batch_size

    def call(self, z_a, z_b):
        c = self.cross_correlation(self.standardize(z_a), self.standardize(z_b))
        on_diag = tf.reduce_sum(tf.pow(tf.linalg.diag_part(c) - 1.0, 2))
        off_diag = tf.linalg.set_diag(c, tf.zeros(tf.shape(c)[-1]))
        return on_diag + self.lambda_amt * tf.reduce_sum(tf.pow(off_diag, 2))


def residual_unit(x, width, stride):
    shortcut = x
    x = layers.Conv2D(width, 3, strides=stride, padding="same")(x)
    x = layers.Activation("relu")(layers.BatchNormalization()(x))
    x = layers.BatchNormalization()(layers.Conv2D(width, 3, padding="same")(x))
    if stride != 1 or shortcut.shape[-1] != width:
        shortcut = layers.Conv2D(width, 1, strides=stride)(shortcut)
    return layers.Activation("relu")(layers.Add()([x, shortcut]))


def build_twin():
    img = keras.Input((IMG, IMG, 3))
    x = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(img)
    for width, stride in [(16, 1), (32, 2), (64, 2)]:
        x = residual_unit(x, width, stride)
    x = layers.Flatten()(layers.AveragePooling2D(2, padding="same")(x))
    for i in range(2):
        x = layers.ReLU()(layers.BatchNormalization()(layers.Dense(PROJ_DIM)(x)))
    return keras.Model(img, layers.Dense(PROJ_DIM)(x), name="twin")


class BarlowModel(keras.Model):
    def __init__(self):
        super().__init__()
        self.twin = build_twin()
        self.loss_tracker = keras.metrics.Mean(name="loss")

    @property
    def metrics(self):
        return [self.loss_tracker]

    def train_step(self, batch):
        view_a, view_b = batch
        with tf.GradientTape() as tape:
            z_a = self.twin(view_a, training=True)
            z_b = self.twin(view_b, training=True)
            loss = barlow_loss(z_a, z_b)
        grads = tape.gradient(loss, self.twin.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.twin.trainable_variables))
        self.loss_tracker.update_state(loss)
        return {"loss": self.loss_tracker.result()}


rng = np.random.default_rng(749)
images = rng.random((64, IMG, IMG, 3)).astype("float32")
view_1 = np.clip(images + rng.normal(0, 0.1, images.shape), 0, 1).astype("float32")
view_2 = np.clip(images[:, :, ::-1] * rng.uniform(0.7, 1.0, (64, 1, 1, 1)), 0, 1).astype("float32")
pairs = tf.data.Dataset.from_tensor_slices((view_1, view_2)).batch(BATCH, drop_remainder=True)

barlow_loss = BarlowLoss(BATCH)
pretrainer = BarlowModel()
pretrainer.compile(optimizer=keras.optimizers.Adam(1e-3))
history = pretrainer.fit(pairs, epochs=2, verbose=0)
print("barlow loss", history.history["loss"])
