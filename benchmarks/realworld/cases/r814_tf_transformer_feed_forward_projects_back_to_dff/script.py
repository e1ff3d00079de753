# Small encoder-decoder Transformer for toy translation (TensorFlow "Neural machine
# translation with a Transformer and Keras" tutorial style): positional embeddings,
# an encoder layer of global self-attention + feed-forward, a decoder layer of causal
# self-attention, cross-attention and feed-forward, and per-token vocabulary logits.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(12)
src_vocab, tgt_vocab = 60, 70
src_len, tgt_len = 14, 12
n_pairs = 96
src_tokens = rng.integers(1, src_vocab, size=(n_pairs, src_len))
tgt_tokens = rng.integers(1, tgt_vocab, size=(n_pairs, tgt_len + 1))
train_ds = tf.data.Dataset.from_tensor_slices(
    ((src_tokens, tgt_tokens[:, :-1]), tgt_tokens[:, 1:])).batch(16)


def positional_encoding(length, depth):
    half = depth / 2
    positions = np.arange(length)[:, np.newaxis]
    depths = np.arange(half)[np.newaxis, :] / half
    angle_rads = positions / (10000 ** depths)
    return tf.cast(np.concatenate([np.sin(angle_rads), np.cos(angle_rads)], axis=-1), tf.float32)


class PositionalEmbedding(tf.keras.layers.Layer):
    def __init__(self, vocab_size, d_model):
        super().__init__()
        self.d_model = d_model
        self.embedding = tf.keras.layers.Embedding(vocab_size, d_model)
        self.pos_encoding = positional_encoding(length=256, depth=d_model)

    def call(self, x):
        length = tf.shape(x)[1]
        x = self.embedding(x) * tf.math.sqrt(tf.cast(self.d_model, tf.float32))
        return x + self.pos_encoding[tf.newaxis, :length, :]


class FeedForward(tf.keras.layers.Layer):
    def __init__(self, d_model, dff, dropout_rate=0.1):
        super().__init__()
        self.seq = tf.keras.Sequential([
            tf.keras.layers.Dense(dff, activation="relu"),
            tf.keras.layers.Dense(dff),
            tf.keras.layers.Dropout(dropout_rate),
        ])
        self.add = tf.keras.layers.Add()
        self.layer_norm = tf.keras.layers.LayerNormalization()

    def call(self, x):
        return self.layer_norm(self.add([x, self.seq(x)]))


class EncoderLayer(tf.keras.layers.Layer):
    def __init__(self, d_model, num_heads, dff):
        super().__init__()
        self.mha = tf.keras.layers.MultiHeadAttention(num_heads=num_heads, key_dim=d_model)
        self.norm = tf.keras.layers.LayerNormalization()
        self.ffn = FeedForward(d_model, dff)

    def call(self, x):
        x = self.norm(x + self.mha(query=x, value=x, key=x))
        return self.ffn(x)


class DecoderLayer(tf.keras.layers.Layer):
    def __init__(self, d_model, num_heads, dff):
        super().__init__()
        self.causal_mha = tf.keras.layers.MultiHeadAttention(num_heads=num_heads, key_dim=d_model)
        self.cross_mha = tf.keras.layers.MultiHeadAttention(num_heads=num_heads, key_dim=d_model)
        self.norm1 = tf.keras.layers.LayerNormalization()
        self.norm2 = tf.keras.layers.LayerNormalization()
        self.ffn = FeedForward(d_model, dff)

    def call(self, x, context):
        x = self.norm1(x + self.causal_mha(query=x, value=x, key=x, use_causal_mask=True))
        x = self.norm2(x + self.cross_mha(query=x, value=context, key=context))
        return self.ffn(x)


class Transformer(tf.keras.Model):
    def __init__(self, d_model, num_heads, dff, src_vocab, tgt_vocab):
        super().__init__()
        self.src_embed = PositionalEmbedding(src_vocab, d_model)
        self.tgt_embed = PositionalEmbedding(tgt_vocab, d_model)
        self.encoder = EncoderLayer(d_model, num_heads, dff)
        self.decoder = DecoderLayer(d_model, num_heads, dff)
        self.final_layer = tf.keras.layers.Dense(tgt_vocab)

    def call(self, inputs):
        context, x = inputs
        context = self.encoder(self.src_embed(context))
        x = self.decoder(self.tgt_embed(x), context)
        return self.final_layer(x)


translator = Transformer(d_model=32, num_heads=2, dff=64, src_vocab=src_vocab, tgt_vocab=tgt_vocab)
translator.compile(optimizer=tf.keras.optimizers.Adam(1e-3),
                   loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                   metrics=["accuracy"])
translator.fit(train_ds, epochs=1, verbose=0)
print(translator((src_tokens[:2], tgt_tokens[:2, :-1])).shape)
