# FNet-style chatbot (encoder mixes tokens with a 2-D FFT, decoder is a causal
# transformer decoder with cross-attention), trained on random token pairs.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

VOCAB = 120
SEQ_LEN = 12
EMBED = 32
HIDDEN = 64
HEADS = 2


class FourierEncoder(layers.Layer):
    def __init__(self, embed_dim, dense_dim, **kwargs):
        super().__init__(**kwargs)
        self.ffn = keras.Sequential([
            layers.Dense(dense_dim, activation="relu"),
            layers.Dense(dense_dim),
        ])
        self.norm_a = layers.LayerNormalization()
        self.norm_b = layers.LayerNormalization()

    def call(self, inputs):
        mixed = tf.math.real(tf.signal.fft2d(tf.cast(inputs, tf.complex64)))
        h = self.norm_a(inputs + mixed)
        return self.norm_b(h + self.ffn(h))


class TokenAndPosition(layers.Layer):
    def __init__(self, seq_len, vocab, dim, **kwargs):
        super().__init__(**kwargs)
        self.tok = layers.Embedding(vocab, dim)
        self.pos = layers.Embedding(seq_len, dim)

    def call(self, ids):
        steps = tf.range(tf.shape(ids)[-1])
        return self.tok(ids) + self.pos(steps)


class CrossDecoder(layers.Layer):
    def __init__(self, embed_dim, dense_dim, heads, **kwargs):
        super().__init__(**kwargs)
        self.self_att = layers.MultiHeadAttention(num_heads=heads, key_dim=embed_dim)
        self.cross_att = layers.MultiHeadAttention(num_heads=heads, key_dim=embed_dim)
        self.ffn = keras.Sequential([layers.Dense(dense_dim, activation="relu"), layers.Dense(embed_dim)])
        self.n1 = layers.LayerNormalization()
        self.n2 = layers.LayerNormalization()
        self.n3 = layers.LayerNormalization()

    def call(self, x, context):
        a = self.n1(x + self.self_att(query=x, value=x, key=x, use_causal_mask=True))
        b = self.n2(a + self.cross_att(query=a, value=context, key=context))
        return self.n3(b + self.ffn(b))


src_ids = keras.Input(shape=(None,), dtype="int32", name="encoder_inputs")
tgt_ids = keras.Input(shape=(None,), dtype="int32", name="decoder_inputs")
memory = FourierEncoder(EMBED, HIDDEN)(TokenAndPosition(SEQ_LEN, VOCAB, EMBED)(src_ids))
h = TokenAndPosition(SEQ_LEN, VOCAB, EMBED)(tgt_ids)
h = CrossDecoder(EMBED, HIDDEN, HEADS)(h, memory)
h = layers.Dropout(0.5)(h)
probs = layers.Dense(VOCAB, activation="softmax")(h)
chatbot = keras.Model([src_ids, tgt_ids], probs)
chatbot.compile("adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

rng = np.random.default_rng(699)
questions = rng.integers(1, VOCAB, size=(32, SEQ_LEN))
answers = rng.integers(1, VOCAB, size=(32, SEQ_LEN + 1))
chatbot.fit({"encoder_inputs": questions, "decoder_inputs": answers[:, :-1]}, answers[:, 1:],
            batch_size=8, epochs=1, verbose=0)
