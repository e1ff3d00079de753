import numpy as np
import tensorflow as tf

rng = np.random.default_rng(955)
# stand-in for MNIST digits, scaled to [0, 1]
digits = (rng.random((256, 28, 28, 1)) > 0.8).astype("float32")


def make_analysis_transform(latent_dims):
    """Creates the analysis (encoder) transform."""
    return tf.keras.Sequential([
        tf.keras.layers.Conv2D(20, 5, use_bias=True, strides=2, padding="same",
                               activation="leaky_relu", name="conv_1"),
        tf.keras.layers.Conv2D(50, 5, use_bias=True, strides=2, padding="same",
                               activation="leaky_relu", name="conv_2"),
        tf.keras.layers.Flatten(),
        tf.keras.layers.Dense(500, use_bias=True, activation="leaky_relu", name="fc_1"),
        tf.keras.layers.Dense(latent_dims, use_bias=True, activation=None, name="fc_2"),
    ], name="analysis_transform")


def make_synthesis_transform():
    """Creates the synthesis (decoder) transform."""
    return tf.keras.Sequential([
        tf.keras.layers.Dense(500, use_bias=True, activation="leaky_relu", name="fc_1"),
        tf.keras.layers.Dense(2450, use_bias=True, activation="leaky_relu", name="fc_2"),
        tf.keras.layers.Reshape((7, 7, 50)),
        tf.keras.layers.Conv2DTranspose(20, 5, use_bias=True, strides=2,
                                        activation="leaky_relu", name="conv_1"),
        tf.keras.layers.Conv2DTranspose(1, 5, use_bias=True, strides=2,
                                        activation="leaky_relu", name="conv_2"),
    ], name="synthesis_transform")


class MNISTCompressionTrainer(tf.keras.Model):
    def __init__(self, latent_dims, lmbda=2000.0):
        super().__init__()
        self.lmbda = lmbda
        self.analysis_transform = make_analysis_transform(latent_dims)
        self.synthesis_transform = make_synthesis_transform()

    def call(self, x, training=False):
        y = self.analysis_transform(x)
        # cheap stand-in for the entropy model's rate term
        self.add_loss(1e-3 * tf.reduce_mean(tf.abs(y)))
        if training:
            y = y + tf.random.uniform(tf.shape(y), -0.5, 0.5)
        return self.synthesis_transform(y)


trainer = MNISTCompressionTrainer(latent_dims=10)
trainer.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=1e-3), loss="mae")
trainer.fit(digits, digits, batch_size=32, epochs=2, verbose=0)
reconstructions = trainer.predict(digits[:8], verbose=0)
print("reconstructions:", reconstructions.shape)
