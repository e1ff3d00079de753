# Learned compression of small 28x28 grayscale sketches: a strided-conv encoder maps each
# sketch to 8 latent numbers and a mirrored transposed-conv decoder rebuilds the picture.
import numpy as np
import tensorflow as tf

gen = np.random.default_rng(185)
sketches = gen.beta(0.5, 2.0, size=(320, 28, 28, 1)).astype("float32")
LATENT = 8


def encoder_net(latent_size):
    return tf.keras.Sequential([
        tf.keras.layers.Conv2D(16, 5, strides=2, padding="same", activation="leaky_relu"),
        tf.keras.layers.Conv2D(40, 5, strides=2, padding="same", activation="leaky_relu"),
        tf.keras.layers.Flatten(),
        tf.keras.layers.Dense(300, activation="leaky_relu"),
        tf.keras.layers.Dense(latent_size),
    ], name="encoder")


def decoder_net():
    return tf.keras.Sequential([
        tf.keras.layers.Dense(300, activation="leaky_relu"),
        tf.keras.layers.Dense(7 * 7 * 40, activation="leaky_relu"),
        tf.keras.layers.Reshape((7, 7, 40)),
        tf.keras.layers.Conv2DTranspose(16, 5, strides=2, padding="same", activation="leaky_relu"),
        tf.keras.layers.Conv2DTranspose(1, 5, strides=2, padding="same", activation="sigmoid"),
    ], name="decoder")


class SketchCodec(tf.keras.Model):
    def __init__(self, latent_size):
        super().__init__()
        self.encoder = encoder_net(latent_size)
        self.decoder = decoder_net()

    def call(self, pictures, training=False):
        code = self.encoder(pictures)
        if training:
            code = code + tf.random.uniform(tf.shape(code), -0.5, 0.5)
        return self.decoder(tf.round(code) if not training else code)


codec = SketchCodec(LATENT)
codec.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss="mae")
codec.fit(sketches, sketches, batch_size=32, epochs=2, verbose=0)
decoded = codec.predict(sketches[:5], verbose=0)
print("decoded:", decoded.shape, "mean abs error:", float(np.abs(decoded - sketches[:5]).mean()))
