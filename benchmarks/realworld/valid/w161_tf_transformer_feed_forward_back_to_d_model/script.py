# Tiny encoder-decoder Transformer for a toy copy-and-shift task: each feed-forward
# sublayer widens the tokens to dff and projects them back to d_model before the
# residual add and layer normalization, so every block keeps (batch, time, d_model).
import numpy as np
import tensorflow as tf

gen = np.random.default_rng(161)
IN_VOCAB, OUT_VOCAB = 40, 45
IN_LEN, OUT_LEN = 10, 9
D_MODEL, DFF, HEADS, LAYERS = 24, 48, 2, 1

src = gen.integers(1, IN_VOCAB, size=(80, IN_LEN))
tgt = gen.integers(1, OUT_VOCAB, size=(80, OUT_LEN + 1))
pairs = tf.data.Dataset.from_tensor_slices(((src, tgt[:, :-1]), tgt[:, 1:])).batch(20)


def sinusoids(length, depth):
    pos = np.arange(length)[:, None]
    rates = 1.0 / (10000 ** (np.arange(depth // 2)[None, :] / (depth // 2)))
    return tf.constant(np.concatenate([np.sin(pos * rates), np.cos(pos * rates)], -1), tf.float32)


class TokenPositions(tf.keras.layers.Layer):
    def __init__(self, vocab, d_model):
        super().__init__()
        self.scale = float(np.sqrt(d_model))
        self.lookup = tf.keras.layers.Embedding(vocab, d_model)
        self.table = sinusoids(128, d_model)

    def call(self, ids):
        n = tf.shape(ids)[1]
        return self.lookup(ids) * self.scale + self.table[tf.newaxis, :n, :]


class PositionwiseFFN(tf.keras.layers.Layer):
    def __init__(self, d_model, dff):
        super().__init__()
        self.widen = tf.keras.layers.Dense(dff, activation="relu")
        self.narrow = tf.keras.layers.Dense(d_model)
        self.drop = tf.keras.layers.Dropout(0.1)
        self.merge = tf.keras.layers.Add()
        self.norm = tf.keras.layers.LayerNormalization()

    def call(self, x):
        return self.norm(self.merge([x, self.drop(self.narrow(self.widen(x)))]))


class EncBlock(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.attn = tf.keras.layers.MultiHeadAttention(num_heads=HEADS, key_dim=D_MODEL)
        self.norm = tf.keras.layers.LayerNormalization()
        self.ffn = PositionwiseFFN(D_MODEL, DFF)

    def call(self, x):
        return self.ffn(self.norm(x + self.attn(query=x, value=x, key=x)))


class DecBlock(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.self_attn = tf.keras.layers.MultiHeadAttention(num_heads=HEADS, key_dim=D_MODEL)
        self.cross_attn = tf.keras.layers.MultiHeadAttention(num_heads=HEADS, key_dim=D_MODEL)
        self.norm_a = tf.keras.layers.LayerNormalization()
        self.norm_b = tf.keras.layers.LayerNormalization()
        self.ffn = PositionwiseFFN(D_MODEL, DFF)

    def call(self, x, memory):
        x = self.norm_a(x + self.self_attn(query=x, value=x, key=x, use_causal_mask=True))
        x = self.norm_b(x + self.cross_attn(query=x, value=memory, key=memory))
        return self.ffn(x)


class Seq2SeqTransformer(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.src_emb = TokenPositions(IN_VOCAB, D_MODEL)
        self.tgt_emb = TokenPositions(OUT_VOCAB, D_MODEL)
        self.enc = [EncBlock() for _ in range(LAYERS)]
        self.dec = [DecBlock() for _ in range(LAYERS)]
        self.logits = tf.keras.layers.Dense(OUT_VOCAB)

    def call(self, inputs):
        source, shifted = inputs
        memory = self.src_emb(source)
        for block in self.enc:
            memory = block(memory)
        h = self.tgt_emb(shifted)
        for block in self.dec:
            h = block(h, memory)
        return self.logits(h)


model = Seq2SeqTransformer()
model.compile(optimizer="adam",
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])
model.fit(pairs, epochs=1, verbose=0)
print(model((src[:3], tgt[:3, :-1])).shape)
