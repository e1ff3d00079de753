import numpy as np
import tensorflow as tf
import keras
from keras import layers


def positional_encoding(length, depth):
    depth = depth / 2
    positions = np.arange(length)[:, np.newaxis]
    depths = np.arange(depth)[np.newaxis, :] / depth
    angle_rates = 1 / (10000**depths)
    angle_rads = positions * angle_rates
    pos_encoding = np.concatenate([np.sin(angle_rads), np.cos(angle_rads)], axis=-1)
    return tf.cast(pos_encoding, dtype=tf.float32)


class PositionalEmbedding(layers.Layer):
    def __init__(self, vocab_size, d_model):
        super().__init__()
        self.d_model = d_model
        self.embedding = layers.Embedding(vocab_size, d_model, mask_zero=True)
        self.pos_encoding = positional_encoding(length=2048, depth=512)

    def compute_mask(self, *args, **kwargs):
        return self.embedding.compute_mask(*args, **kwargs)

    def call(self, x):
        length = tf.shape(x)[1]
        x = self.embedding(x)
        # Scale the embeddings, then add the position encoding.
        x *= tf.math.sqrt(tf.cast(self.d_model, tf.float32))
        x = x + self.pos_encoding[tf.newaxis, :length, :]
        return x


num_layers = 2
d_model = 128
vocab_size = 1000

rng = np.random.default_rng(0)
pt = tf.constant(rng.integers(1, vocab_size, size=(4, 24)), dtype=tf.int64)

embed_pt = PositionalEmbedding(vocab_size=vocab_size, d_model=d_model)
pt_emb = embed_pt(pt)
print(pt_emb.shape)
print(pt_emb._keras_mask.shape)
