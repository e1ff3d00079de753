import numpy as np
import keras
from keras import layers

vocab_size, num_steps, num_hiddens = 200, 12, 32
rng = np.random.default_rng(0)
tokens = rng.integers(1, vocab_size, size=(256, num_steps))
labels = (tokens[:, :num_steps // 2].mean(axis=1) > vocab_size / 2).astype("int32")


class PositionalEncoding(layers.Layer):
    """Sinusoidal positional encoding (d2l, section 11.6)."""

    def __init__(self, num_hiddens, dropout, max_len=1000, **kwargs):
        super().__init__(**kwargs)
        self.dropout = layers.Dropout(dropout)
        P = np.zeros((1, max_len, num_hiddens), dtype="float32")
        X = np.arange(max_len, dtype=np.float32).reshape(-1, 1) / np.power(
            10000, np.arange(0, num_hiddens, 2, dtype=np.float32) / num_hiddens)
        P[:, :, 0::2] = np.sin(X)
        P[:, :, 1::2] = np.cos(X)
        self.P = keras.ops.convert_to_tensor(P)

    def call(self, X, training=None):
        X = X + self.P
        return self.dropout(X, training=training)


inputs = keras.Input(shape=(num_steps,), dtype="int32")
x = layers.Embedding(vocab_size, num_hiddens)(inputs)
x = layers.Rescaling(np.sqrt(num_hiddens))(x)
x = PositionalEncoding(num_hiddens, 0.1, max_len=100)(x)
attn = layers.MultiHeadAttention(num_heads=4, key_dim=num_hiddens // 4)(x, x)
x = layers.LayerNormalization()(x + attn)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(2, activation="softmax")(x)
model = keras.Model(inputs, outputs)

model.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
              metrics=["accuracy"])
model.fit(tokens, labels, batch_size=32, epochs=2, verbose=0)
print(model.evaluate(tokens, labels, verbose=0))
