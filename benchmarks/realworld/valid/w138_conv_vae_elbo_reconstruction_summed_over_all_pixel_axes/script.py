# Variational autoencoder for 28x28 binary sketches, trained with a custom GradientTape
# step on the single-sample ELBO; every ELBO term is one value per image.
import numpy as np
import tensorflow as tf

gen = np.random.default_rng(138)
sketches = (gen.random((48, 28, 28, 1)) > 0.6).astype("float32")
batches = tf.data.Dataset.from_tensor_slices(sketches).shuffle(48).batch(12)
CODE_SIZE = 3


class SketchVAE(tf.keras.Model):
    def __init__(self, code_size):
        super().__init__()
        self.encoder = tf.keras.Sequential([
            tf.keras.layers.InputLayer(shape=(28, 28, 1)),
            tf.keras.layers.Conv2D(16, 3, strides=2, activation="relu"),
            tf.keras.layers.Conv2D(32, 3, strides=2, activation="relu"),
            tf.keras.layers.Flatten(),
            tf.keras.layers.Dense(2 * code_size),
        ])
        self.decoder = tf.keras.Sequential([
            tf.keras.layers.InputLayer(shape=(code_size,)),
            tf.keras.layers.Dense(7 * 7 * 16, activation="relu"),
            tf.keras.layers.Reshape((7, 7, 16)),
            tf.keras.layers.Conv2DTranspose(32, 3, strides=2, padding="same", activation="relu"),
            tf.keras.layers.Conv2DTranspose(16, 3, strides=2, padding="same", activation="relu"),
            tf.keras.layers.Conv2DTranspose(1, 3, strides=1, padding="same"),
        ])

    def encode(self, images):
        mu, log_var = tf.split(self.encoder(images), num_or_size_splits=2, axis=1)
        return mu, log_var

    def sample_code(self, mu, log_var):
        return tf.random.normal(shape=tf.shape(mu)) * tf.exp(0.5 * log_var) + mu


def gaussian_log_density(point, mu, log_var, axis=1):
    return tf.reduce_sum(-0.5 * ((point - mu) ** 2 * tf.exp(-log_var) + log_var + np.log(2 * np.pi)),
                         axis=axis)


def negative_elbo(vae, images):
    mu, log_var = vae.encode(images)
    code = vae.sample_code(mu, log_var)
    logits = vae.decoder(code)
    pixel_ce = tf.nn.sigmoid_cross_entropy_with_logits(logits=logits, labels=images)
    log_px = -tf.reduce_sum(pixel_ce, axis=[1, 2, 3])
    log_pz = gaussian_log_density(code, 0.0, 0.0)
    log_qz = gaussian_log_density(code, mu, log_var)
    return -tf.reduce_mean(log_px + log_pz - log_qz)


@tf.function
def update(vae, images, opt):
    with tf.GradientTape() as tape:
        loss = negative_elbo(vae, images)
    grads = tape.gradient(loss, vae.trainable_variables)
    opt.apply_gradients(zip(grads, vae.trainable_variables))
    return loss


model = SketchVAE(CODE_SIZE)
opt = tf.keras.optimizers.Adam(1e-3)
for epoch in range(2):
    for images in batches:
        loss = update(model, images, opt)
    print("epoch", epoch + 1, "negative ELBO", float(loss))
