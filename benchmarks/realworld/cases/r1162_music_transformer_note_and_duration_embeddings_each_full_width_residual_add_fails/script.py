import numpy as np
import keras
from keras import layers, ops

N_NOTES, N_DURATIONS, SEQ_LEN = 40, 12, 24
EMBEDDING_DIM, N_HEADS, KEY_DIM, FEED_FORWARD_DIM = 64, 2, 32, 96

# toy chorale tokens: a note id and a duration id per step, targets shifted by one
rng = np.random.default_rng(5)
notes = rng.integers(2, N_NOTES, size=(128, SEQ_LEN + 1))
durations = rng.integers(2, N_DURATIONS, size=(128, SEQ_LEN + 1))
x_train = (notes[:, :-1], durations[:, :-1])
y_train = (notes[:, 1:], durations[:, 1:])


class TokenAndPositionEmbedding(layers.Layer):
    def __init__(self, vocab_size, embed_dim, **kwargs):
        super().__init__(**kwargs)
        self.embed_dim = embed_dim
        self.token_emb = layers.Embedding(vocab_size, embed_dim)

    def call(self, x):
        emb = self.token_emb(x)
        pos = ops.cast(ops.arange(ops.shape(x)[1]), "float32")[:, None]
        freq = 1.0 / 10000 ** (ops.cast(ops.arange(self.embed_dim // 2), "float32") * 2 / self.embed_dim)
        return emb + ops.concatenate([ops.sin(pos * freq), ops.cos(pos * freq)], axis=-1)


class TransformerBlock(layers.Layer):
    def __init__(self, num_heads, key_dim, embed_dim, ff_dim, **kwargs):
        super().__init__(**kwargs)
        self.attn = layers.MultiHeadAttention(num_heads, key_dim, output_shape=embed_dim)
        self.ln_1 = layers.LayerNormalization(epsilon=1e-6)
        self.ffn_1 = layers.Dense(ff_dim, activation="relu")
        self.ffn_2 = layers.Dense(embed_dim)
        self.ln_2 = layers.LayerNormalization(epsilon=1e-6)

    def call(self, inputs):
        attention_output = self.attn(inputs, inputs, use_causal_mask=True)
        out1 = self.ln_1(inputs + attention_output)
        return self.ln_2(out1 + self.ffn_2(self.ffn_1(out1)))


note_inputs = keras.Input(shape=(None,), dtype="int32")
durations_inputs = keras.Input(shape=(None,), dtype="int32")
note_embeddings = TokenAndPositionEmbedding(N_NOTES, EMBEDDING_DIM)(note_inputs)
duration_embeddings = TokenAndPositionEmbedding(N_DURATIONS, EMBEDDING_DIM)(durations_inputs)
embeddings = layers.Concatenate()([note_embeddings, duration_embeddings])
x = TransformerBlock(N_HEADS, KEY_DIM, EMBEDDING_DIM, FEED_FORWARD_DIM, name="attention")(embeddings)
note_outputs = layers.Dense(N_NOTES, activation="softmax", name="note_outputs")(x)
duration_outputs = layers.Dense(N_DURATIONS, activation="softmax", name="duration_outputs")(x)
model = keras.Model([note_inputs, durations_inputs], [note_outputs, duration_outputs])
model.compile("adam", loss=["sparse_categorical_crossentropy", "sparse_categorical_crossentropy"])
model.fit(x_train, y_train, batch_size=32, epochs=2, verbose=0)
next_notes, next_durations = model.predict((notes[:2, :8], durations[:2, :8]), verbose=0)
print(next_notes.shape, next_durations.shape)
