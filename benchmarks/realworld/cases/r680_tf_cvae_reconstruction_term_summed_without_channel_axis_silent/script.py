# Convolutional variational autoencoder on binarized 28x28 digits, trained with a
# hand-written GradientTape step that maximizes a single-sample Monte Carlo ELBO.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(17)
digits = (rng.random((64, 28, 28, 1)) > 0.5).astype("float32")
train_batches = tf.data.Dataset.from_tensor_slices(digits).shuffle(64).batch(16)
latent_dim = 2


class ConvVAE(tf.keras.Model):
    def __init__(self, latent_dim):
        super().__init__()
        self.latent_dim = latent_dim
        self.encoder = tf.keras.Sequential([
            tf.keras.layers.InputLayer(shape=(28, 28, 1)),
            tf.keras.layers.Conv2D(32, 3, strides=2, activation="relu"),
            tf.keras.layers.Conv2D(64, 3, strides=2, activation="relu"),
            tf.keras.layers.Flatten(),
            tf.keras.layers.Dense(latent_dim + latent_dim),
        ])
        self.decoder = tf.keras.Sequential([
            tf.keras.layers.InputLayer(shape=(latent_dim,)),
            tf.keras.layers.Dense(7 * 7 * 32, activation="relu"),
            tf.keras.layers.Reshape((7, 7, 32)),
            tf.keras.layers.Conv2DTranspose(64, 3, strides=2, padding="same", activation="relu"),
            tf.keras.layers.Conv2DTranspose(32, 3, strides=2, padding="same", activation="relu"),
            tf.keras.layers.Conv2DTranspose(1, 3, strides=1, padding="same"),
        ])

    def encode(self, x):
        mean, logvar = tf.split(self.encoder(x), num_or_size_splits=2, axis=1)
        return mean, logvar

    def reparameterize(self, mean, logvar):
        eps = tf.random.normal(shape=tf.shape(mean))
        return eps * tf.exp(logvar * 0.5) + mean

    def decode(self, z):
        return self.decoder(z)


def log_normal_pdf(sample, mean, logvar, raxis=1):
    log2pi = tf.math.log(2.0 * np.pi)
    return tf.reduce_sum(-0.5 * ((sample - mean) ** 2.0 * tf.exp(-logvar) + logvar + log2pi), axis=raxis)


def elbo_loss(vae, x):
    mean, logvar = vae.encode(x)
    z = vae.reparameterize(mean, logvar)
    x_logit = vae.decode(z)
    cross_ent = tf.nn.sigmoid_cross_entropy_with_logits(logits=x_logit, labels=x)
    logpx_z = -tf.reduce_sum(cross_ent, axis=[1, 2])
    logpz = log_normal_pdf(z, 0.0, 0.0)
    logqz_x = log_normal_pdf(z, mean, logvar)
    return -tf.reduce_mean(logpx_z + logpz - logqz_x)


@tf.function
def train_step(vae, x, optimizer):
    with tf.GradientTape() as tape:
        loss = elbo_loss(vae, x)
    gradients = tape.gradient(loss, vae.trainable_variables)
    optimizer.apply_gradients(zip(gradients, vae.trainable_variables))
    return loss


vae = ConvVAE(latent_dim)
optimizer = tf.keras.optimizers.Adam(1e-4)
for epoch in range(2):
    for batch in train_batches:
        loss = train_step(vae, batch, optimizer)
    print("epoch", epoch + 1, "ELBO", float(-loss))
