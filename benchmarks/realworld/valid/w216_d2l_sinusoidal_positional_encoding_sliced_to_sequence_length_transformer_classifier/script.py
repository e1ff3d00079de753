import numpy as np
import keras
from keras import layers

vocab_size, seq_len, d_model, num_classes = 120, 20, 24, 3
rng = np.random.default_rng(21)
token_ids = rng.integers(1, vocab_size, size=(300, seq_len))
classes = (token_ids[:, :5].sum(axis=1) % num_classes).astype("int32")


class SinusoidalPositions(layers.Layer):
    """Fixed sin/cos position table, added to the first seq_len rows only."""

    def __init__(self, d_model, rate, max_len=64, **kwargs):
        super().__init__(**kwargs)
        self.dropout = layers.Dropout(rate)
        table = np.zeros((1, max_len, d_model), dtype="float32")
        pos = np.arange(max_len, dtype=np.float32).reshape(-1, 1)
        angles = pos / np.power(10000, np.arange(0, d_model, 2, dtype=np.float32) / d_model)
        table[:, :, 0::2] = np.sin(angles)
        table[:, :, 1::2] = np.cos(angles)
        self.table = keras.ops.convert_to_tensor(table)

    def call(self, X, training=None):
        X = X + self.table[:, :X.shape[1], :]
        return self.dropout(X, training=training)


inputs = keras.Input(shape=(seq_len,), dtype="int32")
h = layers.Embedding(vocab_size, d_model)(inputs)
h = layers.Rescaling(np.sqrt(d_model))(h)
h = SinusoidalPositions(d_model, 0.1)(h)
att = layers.MultiHeadAttention(num_heads=3, key_dim=d_model // 3)(h, h)
h = layers.LayerNormalization()(h + att)
ffn = layers.Dense(48, activation="relu")(h)
h = layers.LayerNormalization()(h + layers.Dense(d_model)(ffn))
h = layers.GlobalAveragePooling1D()(h)
outputs = layers.Dense(num_classes, activation="softmax")(h)
model = keras.Model(inputs, outputs)

model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(token_ids, classes, batch_size=30, epochs=2, verbose=0)
print(model.predict(token_ids[:2], verbose=0).round(3))
