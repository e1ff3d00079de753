# Protein-fragment next-residue model: the encoder layer owns its token and position
# embeddings, so the model passes the integer residue ids straight into it.
import numpy as np
import keras
from keras import layers, ops

gen = np.random.default_rng(200)
n_residue_types, window, width = 24, 12, 32
fragments = gen.integers(1, n_residue_types, size=(120, window + 1))
inputs_ids = fragments[:, :-1]
targets_ids = fragments[:, 1:]


class ResidueEncoder(layers.Layer):
    def __init__(self, depth, vocab, n_heads, dim, ffn_dim, **kwargs):
        super().__init__(**kwargs)
        self.token_table = layers.Embedding(vocab, dim)
        self.position_table = layers.Embedding(window, dim)
        self.stack = []
        for _ in range(depth):
            self.stack.append((
                layers.MultiHeadAttention(num_heads=n_heads, key_dim=dim // n_heads),
                layers.LayerNormalization(epsilon=1e-3),
                keras.Sequential([layers.Dense(ffn_dim, activation="gelu"), layers.Dense(dim)]),
                layers.LayerNormalization(epsilon=1e-3),
            ))

    def call(self, ids):
        z = self.token_table(ids) + self.position_table(ops.arange(window))
        for mha, ln1, ffn, ln2 in self.stack:
            z = ln1(z + mha(z, z))
            z = ln2(z + ffn(z))
        return z


residue_ids = keras.Input(shape=(window,), dtype="int32")
encoded = ResidueEncoder(depth=2, vocab=n_residue_types, n_heads=4, dim=width, ffn_dim=48)(residue_ids)
next_residue = layers.Dense(n_residue_types, activation="softmax")(encoded)
fragment_model = keras.Model(residue_ids, next_residue)
fragment_model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")

fragment_model.fit(inputs_ids, targets_ids, batch_size=20, epochs=2, verbose=0)
probs = fragment_model.predict(inputs_ids[:3], verbose=0)
print("next-residue probabilities", probs.shape)
