import numpy as np
import keras
from keras import layers, ops

rng = np.random.default_rng(4)
alphabet_size, seq_len, model_dim = 40, 16, 32
n = 96
text = rng.integers(1, alphabet_size, size=(n, seq_len + 1))
x_train = text[:, :-1]
y_train = text[:, 1:]


class Transformer(layers.Layer):
    """Token ids in, contextual vectors out (embedding + positions + encoder blocks)."""

    def __init__(self, num_layers, vocab_size, heads, model_dim, units_dim, **kwargs):
        super().__init__(**kwargs)
        self.embedding = layers.Embedding(vocab_size, model_dim)
        self.positions = layers.Embedding(seq_len, model_dim)
        self.blocks = []
        for _ in range(num_layers):
            self.blocks.append((
                layers.MultiHeadAttention(num_heads=heads, key_dim=model_dim // heads),
                layers.LayerNormalization(epsilon=1e-3),
                keras.Sequential([layers.Dense(units_dim, activation="relu"), layers.Dense(model_dim)]),
                layers.LayerNormalization(epsilon=1e-3),
            ))

    def call(self, inputs):
        h = self.embedding(inputs) + self.positions(ops.arange(seq_len))
        for attention, norm1, ffn, norm2 in self.blocks:
            h = norm1(h + attention(h, h))
            h = norm2(h + ffn(h))
        return h


tokens = keras.Input(shape=(seq_len,), dtype="int32")
x = layers.Embedding(alphabet_size, model_dim)(tokens)
h = Transformer(num_layers=2, vocab_size=alphabet_size, heads=4, model_dim=model_dim, units_dim=64)(x)
next_char = layers.Dense(alphabet_size, activation="softmax")(h)
model = keras.Model(tokens, next_char)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")

model.fit(x_train, y_train, batch_size=16, epochs=2, verbose=0)
print("trained")
