import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

NUM_ATOMS = 9      # maximum number of atoms
ATOM_DIM = 5       # number of atom types
BOND_DIM = 4       # number of bond types (incl. no bond)
LATENT_DIM = 16


class RelationalGraphConvLayer(layers.Layer):
    def __init__(self, units=16, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        bond_dim = input_shape[0][1]
        atom_dim = input_shape[1][2]
        self.kernel = self.add_weight(shape=(bond_dim, atom_dim, self.units), initializer="glorot_uniform", name="W")
        self.bias = self.add_weight(shape=(bond_dim, 1, self.units), initializer="zeros", name="b")

    def call(self, inputs):
        adjacency, features = inputs
        x = ops.matmul(adjacency, features[:, None, :, :])
        x = ops.matmul(x, self.kernel) + self.bias
        return ops.relu(ops.sum(x, axis=1))


def get_encoder(gconv_units, latent_dim, adjacency_shape, feature_shape, dense_units):
    adjacency = keras.Input(shape=adjacency_shape)
    features = keras.Input(shape=feature_shape)
    h = features
    for units in gconv_units:
        h = RelationalGraphConvLayer(units)([adjacency, h])
    x = layers.GlobalAveragePooling1D()(h)
    for units in dense_units:
        x = layers.Dense(units, activation="relu")(x)
    z_mean = layers.Dense(latent_dim, name="z_mean")(x)
    log_var = layers.Dense(latent_dim, name="log_var")(x)
    return keras.Model([adjacency, features], [z_mean, log_var], name="encoder")


def get_decoder(dense_units, latent_dim, adjacency_shape, feature_shape):
    latent_inputs = keras.Input(shape=(latent_dim,))
    x = latent_inputs
    for units in dense_units:
        x = layers.Dense(units, activation="tanh")(x)
    x_adjacency = layers.Dense(int(np.prod(adjacency_shape)))(x)
    x_adjacency = layers.Reshape(adjacency_shape)(x_adjacency)
    # symmetrify in the last two dimensions
    x_adjacency = (x_adjacency + ops.transpose(x_adjacency, (0, 1, 3, 2))) / 2
    x_adjacency = layers.Softmax(axis=1)(x_adjacency)
    x_features = layers.Dense(int(np.prod(feature_shape)))(x)
    x_features = layers.Reshape(feature_shape)(x_features)
    x_features = layers.Softmax(axis=2)(x_features)
    return keras.Model(latent_inputs, [x_adjacency, x_features], name="decoder")


class Sampling(layers.Layer):
    def call(self, inputs):
        z_mean, z_log_var = inputs
        eps = keras.random.normal(ops.shape(z_log_var))
        return z_mean + ops.exp(0.5 * z_log_var) * eps


class MoleculeGenerator(keras.Model):
    def __init__(self, encoder, decoder, **kwargs):
        super().__init__(**kwargs)
        self.encoder = encoder
        self.decoder = decoder
        self.sampling = Sampling()
        self.loss_tracker = keras.metrics.Mean(name="loss")

    def call(self, inputs):
        z_mean, log_var = self.encoder(inputs)
        z = self.sampling([z_mean, log_var])
        gen_adjacency, gen_features = self.decoder(z)
        return z_mean, log_var, gen_adjacency, gen_features

    def train_step(self, data):
        adjacency_real, features_real = data[0]
        with tf.GradientTape() as tape:
            z_mean, z_log_var, adjacency_gen, features_gen = self([adjacency_real, features_real], training=True)
            adjacency_loss = ops.mean(ops.sum(
                keras.losses.categorical_crossentropy(adjacency_real, adjacency_gen, axis=1), axis=(1, 2)))
            features_loss = ops.mean(ops.sum(
                keras.losses.categorical_crossentropy(features_real, features_gen), axis=1))
            kl_loss = ops.mean(-0.5 * ops.sum(1 + z_log_var - ops.square(z_mean) - ops.exp(z_log_var), 1))
            total_loss = adjacency_loss + features_loss + kl_loss
        grads = tape.gradient(total_loss, self.trainable_weights)
        self.optimizer.apply_gradients(zip(grads, self.trainable_weights))
        self.loss_tracker.update_state(total_loss)
        return {"loss": self.loss_tracker.result()}


rng = np.random.default_rng(862)
n = 64
bond_types = rng.integers(0, BOND_DIM, size=(n, NUM_ATOMS, NUM_ATOMS))
bond_types = np.triu(bond_types, 1) + np.triu(bond_types, 1).transpose(0, 2, 1)
adjacency_tensor = np.moveaxis(np.eye(BOND_DIM, dtype="float32")[bond_types], -1, 1)  # (n, BOND_DIM, atoms, atoms)
feature_tensor = np.eye(ATOM_DIM, dtype="float32")[rng.integers(0, ATOM_DIM, size=(n, NUM_ATOMS))]

encoder = get_encoder(gconv_units=[9], latent_dim=LATENT_DIM, adjacency_shape=(BOND_DIM, NUM_ATOMS, NUM_ATOMS),
                      feature_shape=(NUM_ATOMS, ATOM_DIM), dense_units=[64])
decoder = get_decoder(dense_units=[32, 64], latent_dim=LATENT_DIM,
                      adjacency_shape=(NUM_ATOMS, NUM_ATOMS, BOND_DIM),
                      feature_shape=(NUM_ATOMS, ATOM_DIM))
model = MoleculeGenerator(encoder, decoder)
model.compile(optimizer=keras.optimizers.Adam(5e-4))
model.fit([adjacency_tensor, feature_tensor], batch_size=16, epochs=2, verbose=0)

gen_adjacency, gen_features = model.decoder.predict(np.random.normal(size=(4, LATENT_DIM)), verbose=0)
print("sampled graphs:", gen_adjacency.shape, gen_features.shape)
