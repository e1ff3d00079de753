# Hands-On ML chapter 16 style Transformer for translation: token ids are embedded,
# fixed sinusoidal positional encodings are added, then one encoder block and one
# decoder block (causal self-attention + cross-attention) predict the next target token.
import numpy as np
import tensorflow as tf

vocab_size = 200
max_length = 50  # max length in the whole training set
embed_size = 128


class PositionalEncoding(tf.keras.layers.Layer):
    def __init__(self, max_length, embed_size, dtype=tf.float32, **kwargs):
        super().__init__(dtype=dtype, **kwargs)
        assert embed_size % 2 == 0, "embed_size must be even"
        p, i = np.meshgrid(np.arange(max_length), 2 * np.arange(embed_size // 2))
        pos_emb = np.empty((1, max_length, embed_size))
        pos_emb[0, :, ::2] = np.sin(p / 10_000 ** (i / embed_size)).T
        pos_emb[0, :, 1::2] = np.cos(p / 10_000 ** (i / embed_size)).T
        self.pos_encodings = tf.constant(pos_emb.astype(self.dtype))
        self.supports_masking = True

    def call(self, inputs):
        batch_max_length = tf.shape(inputs)[1]
        return inputs + self.pos_encodings[:, :batch_max_length]


encoder_input_ids = tf.keras.layers.Input(shape=[None], dtype="int32")
decoder_input_ids = tf.keras.layers.Input(shape=[None], dtype="int32")
encoder_embeddings = tf.keras.layers.Embedding(vocab_size, embed_size)(encoder_input_ids)
decoder_embeddings = tf.keras.layers.Embedding(vocab_size, embed_size)(decoder_input_ids)

pos_embed_layer = PositionalEncoding(embed_size, max_length)
encoder_in = pos_embed_layer(encoder_embeddings)
decoder_in = pos_embed_layer(decoder_embeddings)

num_heads, dropout_rate, n_units = 4, 0.1, 128
Z = encoder_in
skip = Z
Z = tf.keras.layers.MultiHeadAttention(num_heads=num_heads, key_dim=embed_size, dropout=dropout_rate)(Z, value=Z)
Z = tf.keras.layers.LayerNormalization()(tf.keras.layers.Add()([Z, skip]))
skip = Z
Z = tf.keras.layers.Dense(n_units, activation="relu")(Z)
Z = tf.keras.layers.Dense(embed_size)(Z)
encoder_outputs = tf.keras.layers.LayerNormalization()(tf.keras.layers.Add()([Z, skip]))

Z = decoder_in
skip = Z
Z = tf.keras.layers.MultiHeadAttention(num_heads=num_heads, key_dim=embed_size)(Z, value=Z, use_causal_mask=True)
Z = tf.keras.layers.LayerNormalization()(tf.keras.layers.Add()([Z, skip]))
skip = Z
Z = tf.keras.layers.MultiHeadAttention(num_heads=num_heads, key_dim=embed_size)(Z, value=encoder_outputs)
Z = tf.keras.layers.LayerNormalization()(tf.keras.layers.Add()([Z, skip]))
Y_proba = tf.keras.layers.Dense(vocab_size, activation="softmax")(Z)

model = tf.keras.Model(inputs=[encoder_input_ids, decoder_input_ids], outputs=[Y_proba])
model.compile(loss="sparse_categorical_crossentropy", optimizer="nadam", metrics=["accuracy"])

rng = np.random.default_rng(16)
X_train = rng.integers(1, vocab_size, size=(64, 12))
X_train_dec = rng.integers(1, vocab_size, size=(64, 10))
Y_train = rng.integers(1, vocab_size, size=(64, 10))
model.fit((X_train, X_train_dec), Y_train, batch_size=16, epochs=1, verbose=0)
