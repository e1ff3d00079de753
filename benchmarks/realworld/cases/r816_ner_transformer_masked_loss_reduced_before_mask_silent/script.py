# Token-level named-entity tagger (keras-io "Named Entity Recognition using Transformers"
# style): variable-length sentences are padded per batch with id 0, a token + position
# embedding and one Transformer block feed a per-token softmax over the tags, and a
# custom loss ignores the padded positions.
import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

rng = np.random.default_rng(6)
vocab_size, num_tags, maxlen = 300, 9, 32
sentences, tag_seqs = [], []
for _ in range(160):
    n = int(rng.integers(5, maxlen))
    sentences.append(rng.integers(1, vocab_size, size=n))
    tag_seqs.append(rng.integers(1, num_tags, size=n))   # 0 is kept for padding

train_ds = tf.data.Dataset.from_generator(
    lambda: zip(sentences, tag_seqs),
    output_signature=(tf.TensorSpec([None], tf.int64), tf.TensorSpec([None], tf.int64)),
).apply(tf.data.experimental.assert_cardinality(len(sentences))).padded_batch(32)


class TransformerBlock(layers.Layer):
    def __init__(self, embed_dim, num_heads, ff_dim, rate=0.1):
        super().__init__()
        self.att = layers.MultiHeadAttention(num_heads=num_heads, key_dim=embed_dim)
        self.ffn = keras.Sequential([layers.Dense(ff_dim, activation="relu"), layers.Dense(embed_dim)])
        self.norm1 = layers.LayerNormalization(epsilon=1e-6)
        self.norm2 = layers.LayerNormalization(epsilon=1e-6)
        self.drop1 = layers.Dropout(rate)
        self.drop2 = layers.Dropout(rate)

    def call(self, inputs, training=False):
        h = self.norm1(inputs + self.drop1(self.att(inputs, inputs), training=training))
        return self.norm2(h + self.drop2(self.ffn(h), training=training))


class TokenAndPositionEmbedding(layers.Layer):
    def __init__(self, maxlen, vocab_size, embed_dim):
        super().__init__()
        self.token_emb = layers.Embedding(vocab_size, embed_dim)
        self.pos_emb = layers.Embedding(maxlen, embed_dim)

    def call(self, inputs):
        positions = ops.arange(0, ops.shape(inputs)[-1], 1)
        return self.token_emb(inputs) + self.pos_emb(positions)


class NERModel(keras.Model):
    def __init__(self, num_tags, vocab_size, maxlen, embed_dim=32, num_heads=2, ff_dim=32):
        super().__init__()
        self.embedding_layer = TokenAndPositionEmbedding(maxlen, vocab_size, embed_dim)
        self.transformer_block = TransformerBlock(embed_dim, num_heads, ff_dim)
        self.dropout1 = layers.Dropout(0.1)
        self.ff = layers.Dense(ff_dim, activation="relu")
        self.dropout2 = layers.Dropout(0.1)
        self.ff_final = layers.Dense(num_tags, activation="softmax")

    def call(self, inputs, training=False):
        x = self.embedding_layer(inputs)
        x = self.transformer_block(x, training=training)
        x = self.dropout1(x, training=training)
        x = self.dropout2(self.ff(x), training=training)
        return self.ff_final(x)


class NonPaddingTokenLoss(keras.losses.Loss):
    def __init__(self, name="non_padding_token_loss"):
        super().__init__(name=name)

    def call(self, y_true, y_pred):
        per_token = keras.losses.SparseCategoricalCrossentropy(from_logits=False)
        loss = per_token(y_true, y_pred)
        mask = ops.cast(y_true > 0, dtype="float32")
        loss = loss * mask
        return ops.sum(loss) / ops.sum(mask)


tagger = NERModel(num_tags, vocab_size, maxlen)
tagger.compile(optimizer="adam", loss=NonPaddingTokenLoss())
tagger.fit(train_ds, epochs=2, verbose=0)
probs = tagger.predict(np.array([sentences[0]]), verbose=0)
print(np.argmax(probs, axis=-1))
