import numpy as np
import tensorflow as tf
from tensorflow.keras import layers, regularizers

AUTO = tf.data.AUTOTUNE
BATCH_SIZE = 16
CROP_TO = 32
PROJECT_DIM = 64
LATENT_DIM = 16
WEIGHT_DECAY = 0.0005

x_train = (np.random.rand(64, 32, 32, 3) * 255).astype("float32")


def custom_augment(image):
    image = tf.image.random_flip_left_right(image)
    return tf.image.random_brightness(image, 20.0)


ssl_ds_one = tf.data.Dataset.from_tensor_slices(x_train).map(custom_augment, num_parallel_calls=AUTO).batch(BATCH_SIZE)
ssl_ds_two = tf.data.Dataset.from_tensor_slices(x_train).map(custom_augment, num_parallel_calls=AUTO).batch(BATCH_SIZE)
ssl_ds = tf.data.Dataset.zip((ssl_ds_one, ssl_ds_two))


def get_encoder():
    inputs = layers.Input((CROP_TO, CROP_TO, 3))
    x = layers.Rescaling(scale=1.0 / 127.5, offset=-1)(inputs)
    x = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(x)
    x = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(x)
    x = layers.GlobalAveragePooling2D(name="backbone_pool")(x)
    x = layers.Dense(PROJECT_DIM, use_bias=False, kernel_regularizer=regularizers.l2(WEIGHT_DECAY))(x)
    x = layers.BatchNormalization()(x)
    x = layers.ReLU()(x)
    x = layers.Dense(PROJECT_DIM, use_bias=False, kernel_regularizer=regularizers.l2(WEIGHT_DECAY))(x)
    outputs = layers.BatchNormalization()(x)
    return tf.keras.Model(inputs, outputs, name="encoder")


def get_predictor():
    return tf.keras.Sequential(
        [
            layers.Input((PROJECT_DIM,)),
            layers.Dense(LATENT_DIM, use_bias=False, kernel_regularizer=regularizers.l2(WEIGHT_DECAY)),
            layers.ReLU(),
            layers.BatchNormalization(),
            layers.Dense(LATENT_DIM),
        ],
        name="predictor",
    )


def compute_loss(p, z):
    z = tf.stop_gradient(z)
    p = tf.math.l2_normalize(p, axis=1)
    z = tf.math.l2_normalize(z, axis=1)
    return -tf.reduce_mean(tf.reduce_sum((p * z), axis=1))


class SimSiam(tf.keras.Model):
    def __init__(self, encoder, predictor):
        super().__init__()
        self.encoder = encoder
        self.predictor = predictor
        self.loss_tracker = tf.keras.metrics.Mean(name="loss")

    @property
    def metrics(self):
        return [self.loss_tracker]

    def train_step(self, data):
        ds_one, ds_two = data
        with tf.GradientTape() as tape:
            z1, z2 = self.encoder(ds_one), self.encoder(ds_two)
            p1, p2 = self.predictor(z1), self.predictor(z2)
            loss = compute_loss(p1, z2) / 2 + compute_loss(p2, z1) / 2
        learnable_params = self.encoder.trainable_variables + self.predictor.trainable_variables
        gradients = tape.gradient(loss, learnable_params)
        self.optimizer.apply_gradients(zip(gradients, learnable_params))
        self.loss_tracker.update_state(loss)
        return {"loss": self.loss_tracker.result()}


simsiam = SimSiam(get_encoder(), get_predictor())
simsiam.compile(optimizer=tf.keras.optimizers.SGD(0.03, momentum=0.6))
history = simsiam.fit(ssl_ds, epochs=1, verbose=0)
