# Miniature GPT (keras-io "Text generation with a miniature GPT" style): reviews are
# vectorized to fixed-length token ids, the inputs are the ids without the last one
# and the targets the ids shifted by one; a causal transformer block predicts the
# next token at every position.
import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

vocab_size = 300
maxlen = 20
embed_dim = 32
num_heads = 2
feed_forward_dim = 32
batch_size = 8
rng = np.random.default_rng(3)


class CausalBlock(layers.Layer):
    def __init__(self, embed_dim, num_heads, ff_dim, **kwargs):
        super().__init__(**kwargs)
        self.att = layers.MultiHeadAttention(num_heads, embed_dim)
        self.ffn = keras.Sequential([layers.Dense(ff_dim, activation="relu"), layers.Dense(embed_dim)])
        self.norm1 = layers.LayerNormalization(epsilon=1e-6)
        self.norm2 = layers.LayerNormalization(epsilon=1e-6)

    def call(self, inputs):
        att = self.att(inputs, inputs, use_causal_mask=True)
        out1 = self.norm1(inputs + att)
        return self.norm2(out1 + self.ffn(out1))


class TokenAndPositions(layers.Layer):
    def __init__(self, maxlen, vocab_size, embed_dim, **kwargs):
        super().__init__(**kwargs)
        self.token_emb = layers.Embedding(input_dim=vocab_size, output_dim=embed_dim)
        self.pos_emb = layers.Embedding(input_dim=maxlen, output_dim=embed_dim)

    def call(self, x):
        positions = ops.arange(0, ops.shape(x)[-1], 1)
        return self.token_emb(x) + self.pos_emb(positions)


def build_gpt():
    ids = layers.Input(shape=(maxlen,), dtype="int32")
    h = TokenAndPositions(maxlen, vocab_size, embed_dim)(ids)
    h = CausalBlock(embed_dim, num_heads, feed_forward_dim)(h)
    logits = layers.Dense(vocab_size)(h)
    gpt = keras.Model(inputs=ids, outputs=[logits, h])
    loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    gpt.compile("adam", loss=[loss_fn, None])
    return gpt


words = [f"w{i}" for i in range(120)]
reviews = [" ".join(rng.choice(words, size=rng.integers(10, 30))) for _ in range(48)]
text_ds = tf.data.Dataset.from_tensor_slices(reviews).shuffle(64).batch(batch_size)

vectorize_layer = layers.TextVectorization(
    max_tokens=vocab_size - 1, output_mode="int", output_sequence_length=maxlen)
vectorize_layer.adapt(text_ds)


def prepare_lm_inputs_labels(text):
    text = tf.expand_dims(text, -1)
    tokenized = vectorize_layer(text)
    x = tokenized[:, :-1]
    y = tokenized[:, 1:]
    return x, y


lm_ds = text_ds.map(prepare_lm_inputs_labels).prefetch(tf.data.AUTOTUNE)
gpt = build_gpt()
gpt.fit(lm_ds, epochs=2, verbose=0)
print(gpt.predict(np.zeros((1, maxlen), "int32"), verbose=0)[0].shape)
