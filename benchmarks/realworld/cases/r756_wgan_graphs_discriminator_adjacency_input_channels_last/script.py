# WGAN-GP for small molecular graphs: a generator maps noise to a bond-type adjacency
# tensor (BOND_DIM, NUM_ATOMS, NUM_ATOMS) and an atom-type feature matrix; the critic
# runs relational graph convolutions over those graphs (one message pass per bond type).
import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

NUM_ATOMS = 9
ATOM_DIM = 5
BOND_DIM = 4 + 1
LATENT_DIM = 32
adjacency_shape = (BOND_DIM, NUM_ATOMS, NUM_ATOMS)
feature_shape = (NUM_ATOMS, ATOM_DIM)


class RelationalGraphConvLayer(layers.Layer):
    def __init__(self, units=128, activation="relu", **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.activation = keras.activations.get(activation)

    def build(self, input_shape):
        bond_dim = input_shape[0][1]
        atom_dim = input_shape[1][2]
        self.kernel = self.add_weight(shape=(bond_dim, atom_dim, self.units), initializer="glorot_uniform")

    def call(self, inputs):
        adjacency, features = inputs
        x = ops.matmul(adjacency, features[:, None, :, :])
        x = ops.matmul(x, self.kernel)
        return self.activation(ops.sum(x, axis=1))


def GraphGenerator(dense_units, dropout_rate):
    z = keras.Input(shape=(LATENT_DIM,))
    x = z
    for units in dense_units:
        x = layers.Dropout(dropout_rate)(layers.Dense(units, activation="tanh")(x))
    adj = layers.Reshape(adjacency_shape)(layers.Dense(int(np.prod(adjacency_shape)))(x))
    adj = (adj + ops.transpose(adj, (0, 1, 3, 2))) / 2
    adj = layers.Softmax(axis=1)(adj)
    feats = layers.Reshape(feature_shape)(layers.Dense(int(np.prod(feature_shape)))(x))
    feats = layers.Softmax(axis=2)(feats)
    return keras.Model(z, [adj, feats], name="Generator")


def GraphDiscriminator(gconv_units, dense_units, dropout_rate):
    adjacency = keras.Input(shape=(NUM_ATOMS, NUM_ATOMS, BOND_DIM))
    features = keras.Input(shape=feature_shape)
    h = features
    for units in gconv_units:
        h = RelationalGraphConvLayer(units)([adjacency, h])
    x = layers.GlobalAveragePooling1D()(h)
    for units in dense_units:
        x = layers.Dropout(dropout_rate)(layers.Dense(units, activation="relu")(x))
    return keras.Model([adjacency, features], layers.Dense(1, dtype="float32")(x), name="Discriminator")


class GraphWGAN(keras.Model):
    def __init__(self, generator, discriminator, gp_weight=10.0, **kwargs):
        super().__init__(**kwargs)
        self.generator, self.discriminator, self.gp_weight = generator, discriminator, gp_weight
        self.g_tracker = keras.metrics.Mean(name="loss_gen")
        self.d_tracker = keras.metrics.Mean(name="loss_dis")

    def compile(self, optimizer_generator, optimizer_discriminator):
        super().compile()
        self.opt_g, self.opt_d = optimizer_generator, optimizer_discriminator

    @property
    def metrics(self):
        return [self.g_tracker, self.d_tracker]

    def gradient_penalty(self, real, fake):
        alpha = tf.random.uniform([tf.shape(real[0])[0]])
        adj = real[0] * tf.reshape(alpha, (-1, 1, 1, 1)) + fake[0] * (1 - tf.reshape(alpha, (-1, 1, 1, 1)))
        feat = real[1] * tf.reshape(alpha, (-1, 1, 1)) + fake[1] * (1 - tf.reshape(alpha, (-1, 1, 1)))
        with tf.GradientTape() as tape:
            tape.watch([adj, feat])
            logits = self.discriminator([adj, feat], training=True)
        g_adj, g_feat = tape.gradient(logits, [adj, feat])
        return tf.reduce_mean((1 - tf.norm(g_adj, axis=1)) ** 2, axis=(-2, -1)) + \
            tf.reduce_mean((1 - tf.norm(g_feat, axis=2)) ** 2, axis=-1)

    def train_step(self, inputs):
        real = inputs
        batch = tf.shape(real[0])[0]
        z = tf.random.normal((batch, LATENT_DIM))
        with tf.GradientTape() as tape:
            fake = self.generator(z, training=True)
            d_loss = tf.reduce_mean(self.discriminator(fake, training=True)) - \
                tf.reduce_mean(self.discriminator(real, training=True))
            d_loss += self.gp_weight * tf.reduce_mean(self.gradient_penalty(real, fake))
        grads = tape.gradient(d_loss, self.discriminator.trainable_weights)
        self.opt_d.apply_gradients(zip(grads, self.discriminator.trainable_weights))
        with tf.GradientTape() as tape:
            g_loss = -tf.reduce_mean(self.discriminator(self.generator(z, training=True), training=True))
        grads = tape.gradient(g_loss, self.generator.trainable_weights)
        self.opt_g.apply_gradients(zip(grads, self.generator.trainable_weights))
        self.g_tracker.update_state(g_loss)
        self.d_tracker.update_state(d_loss)
        return {"loss_gen": self.g_tracker.result(), "loss_dis": self.d_tracker.result()}


rng = np.random.default_rng(756)
bond_types = rng.integers(0, BOND_DIM, size=(64, NUM_ATOMS, NUM_ATOMS))
bond_types = np.triu(bond_types) + np.transpose(np.triu(bond_types, 1), (0, 2, 1))
adjacency_tensor = np.transpose(np.eye(BOND_DIM, dtype="float32")[bond_types], (0, 3, 1, 2))
feature_tensor = np.eye(ATOM_DIM, dtype="float32")[rng.integers(0, ATOM_DIM, size=(64, NUM_ATOMS))]

generator = GraphGenerator(dense_units=[64, 128], dropout_rate=0.2)
discriminator = GraphDiscriminator(gconv_units=[32, 32], dense_units=[64], dropout_rate=0.2)
wgan = GraphWGAN(generator, discriminator)
wgan.compile(optimizer_generator=keras.optimizers.Adam(5e-4), optimizer_discriminator=keras.optimizers.Adam(5e-4))
graphs = tf.data.Dataset.from_tensor_slices((adjacency_tensor, feature_tensor)).shuffle(64).batch(16)
history = wgan.fit(graphs, epochs=2, verbose=0)
print({k: round(float(v[-1]), 3) for k, v in history.history.items()})
