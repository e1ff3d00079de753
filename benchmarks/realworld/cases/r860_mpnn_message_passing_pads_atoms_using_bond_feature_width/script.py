import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

ATOM_DIM, BOND_DIM = 12, 5
MOLS_PER_BATCH, ATOMS_PER_MOL, BONDS_PER_MOL = 8, 6, 10


def make_batch(rng):
    """One disjoint graph holding MOLS_PER_BATCH small molecules."""
    n_atoms = MOLS_PER_BATCH * ATOMS_PER_MOL
    atoms = rng.random((n_atoms, ATOM_DIM)).astype("float32")
    bonds = rng.random((MOLS_PER_BATCH * BONDS_PER_MOL, BOND_DIM)).astype("float32")
    pairs = []
    for m in range(MOLS_PER_BATCH):
        local = rng.integers(0, ATOMS_PER_MOL, size=(BONDS_PER_MOL, 2))
        pairs.append(local + m * ATOMS_PER_MOL)
    indicator = np.repeat(np.arange(MOLS_PER_BATCH), ATOMS_PER_MOL).astype("int32")
    labels = rng.integers(0, 2, size=(MOLS_PER_BATCH, 1)).astype("float32")
    x = (atoms, bonds, np.concatenate(pairs).astype("int32"), indicator)
    return x, labels


class EdgeNetwork(layers.Layer):
    def build(self, input_shape):
        self.atom_dim = input_shape[0][-1]
        self.bond_dim = input_shape[1][-1]
        self.kernel = self.add_weight(shape=(self.bond_dim, self.atom_dim * self.atom_dim),
                                      initializer="glorot_uniform", name="kernel")
        self.bias = self.add_weight(shape=(self.atom_dim * self.atom_dim,), initializer="zeros", name="bias")

    def call(self, inputs):
        atom_features, bond_features, pair_indices = inputs
        bond_features = ops.matmul(bond_features, self.kernel) + self.bias
        bond_features = ops.reshape(bond_features, (-1, self.atom_dim, self.atom_dim))
        atom_features_neighbors = ops.take(atom_features, pair_indices[:, 1], axis=0)
        transformed = ops.squeeze(ops.matmul(bond_features, ops.expand_dims(atom_features_neighbors, -1)), -1)
        return ops.segment_sum(transformed, pair_indices[:, 0], num_segments=MOLS_PER_BATCH * ATOMS_PER_MOL)


class MessagePassing(layers.Layer):
    def __init__(self, units, steps=4, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.steps = steps

    def build(self, input_shape):
        self.atom_dim = input_shape[1][-1]
        self.message_step = EdgeNetwork()
        self.pad_length = max(0, self.units - self.atom_dim)
        self.update_step = layers.GRUCell(self.atom_dim + self.pad_length)

    def call(self, inputs):
        atom_features, bond_features, pair_indices = inputs
        atom_features_updated = ops.pad(atom_features, [(0, 0), (0, self.pad_length)])
        for _ in range(self.steps):
            aggregated = self.message_step([atom_features_updated, bond_features, pair_indices])
            atom_features_updated, _ = self.update_step(aggregated, atom_features_updated)
        return atom_features_updated


class MeanReadout(layers.Layer):
    def call(self, inputs):
        nodes, indicator = inputs
        totals = ops.segment_sum(nodes, indicator, num_segments=MOLS_PER_BATCH)
        return totals / float(ATOMS_PER_MOL)


atom_in = layers.Input((ATOM_DIM,), dtype="float32", name="atom_features")
bond_in = layers.Input((BOND_DIM,), dtype="float32", name="bond_features")
pair_in = layers.Input((2,), dtype="int32", name="pair_indices")
mol_in = layers.Input((), dtype="int32", name="molecule_indicator")

x = MessagePassing(units=32, steps=2)([atom_in, bond_in, pair_in])
x = MeanReadout()([x, mol_in])
x = layers.Dense(64, activation="relu")(x)
out = layers.Dense(1, activation="sigmoid")(x)
mpnn = keras.Model([atom_in, bond_in, pair_in, mol_in], out)
mpnn.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(5e-4), metrics=["AUC"])

rng = np.random.default_rng(860)
batches = [make_batch(rng) for _ in range(6)]
train_dataset = tf.data.Dataset.from_generator(
    lambda: iter(batches),
    output_signature=(
        (tf.TensorSpec((None, ATOM_DIM), tf.float32), tf.TensorSpec((None, BOND_DIM), tf.float32),
         tf.TensorSpec((None, 2), tf.int32), tf.TensorSpec((None,), tf.int32)),
        tf.TensorSpec((None, 1), tf.float32),
    ),
)
mpnn.fit(train_dataset, epochs=2, verbose=0)
print(mpnn.predict(train_dataset.take(1), verbose=0).shape)
