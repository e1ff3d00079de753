# Named-entity recognition with a small Transformer (keras-io style): token ids are
# embedded with learned position embeddings, passed through one Transformer block and
# a per-token softmax over the NER tags; a custom loss ignores the padding tokens.
import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops


class TransformerBlock(layers.Layer):
    def __init__(self, embed_dim, num_heads, ff_dim, rate=0.1):
        super().__init__()
        self.att = keras.layers.MultiHeadAttention(num_heads=num_heads, key_dim=embed_dim)
        self.ffn = keras.Sequential([keras.layers.Dense(ff_dim, activation="relu"),
                                     keras.layers.Dense(embed_dim)])
        self.layernorm1 = keras.layers.LayerNormalization(epsilon=1e-6)
        self.layernorm2 = keras.layers.LayerNormalization(epsilon=1e-6)
        self.dropout1 = keras.layers.Dropout(rate)
        self.dropout2 = keras.layers.Dropout(rate)

    def call(self, inputs, training=False):
        attn_output = self.dropout1(self.att(inputs, inputs), training=training)
        out1 = self.layernorm1(inputs + attn_output)
        ffn_output = self.dropout2(self.ffn(out1), training=training)
        return self.layernorm2(out1 + ffn_output)


class TokenAndPositionEmbedding(layers.Layer):
    def __init__(self, maxlen, vocab_size, embed_dim):
        super().__init__()
        self.token_emb = keras.layers.Embedding(input_dim=vocab_size, output_dim=embed_dim)
        self.pos_emb = keras.layers.Embedding(input_dim=maxlen, output_dim=embed_dim)

    def call(self, inputs):
        positions = ops.arange(start=0, stop=ops.shape(inputs)[-1], step=1)
        return self.token_emb(inputs) + self.pos_emb(positions)


class NERModel(keras.Model):
    def __init__(self, num_tags, vocab_size, maxlen=64, embed_dim=32, num_heads=2, ff_dim=32):
        super().__init__()
        self.embedding_layer = TokenAndPositionEmbedding(maxlen, vocab_size, embed_dim)
        self.transformer_block = TransformerBlock(embed_dim, num_heads, ff_dim)
        self.pool = layers.GlobalAveragePooling1D()
        self.dropout1 = layers.Dropout(0.1)
        self.ff = layers.Dense(ff_dim, activation="relu")
        self.dropout2 = layers.Dropout(0.1)
        self.ff_final = layers.Dense(num_tags, activation="softmax")

    def call(self, inputs, training=False):
        x = self.embedding_layer(inputs)
        x = self.transformer_block(x, training=training)
        x = self.pool(x)
        x = self.dropout1(x, training=training)
        x = self.ff(x)
        x = self.dropout2(x, training=training)
        return self.ff_final(x)


class NonPaddingTokenLoss(keras.losses.Loss):
    def __init__(self, name="non_padding_token_loss"):
        super().__init__(name=name)

    def call(self, y_true, y_pred):
        per_token = keras.losses.SparseCategoricalCrossentropy(from_logits=False, reduction=None)
        loss = per_token(y_true, y_pred)
        mask = ops.cast(y_true > 0, dtype="float32")
        return ops.sum(loss * mask) / ops.sum(mask)


rng = np.random.default_rng(9)
num_tags, vocab_size = 10, 500
sentences, tag_seqs = [], []
for _ in range(120):
    length = int(rng.integers(5, 20))
    sentences.append(rng.integers(2, vocab_size, size=length))
    tag_seqs.append(rng.integers(1, num_tags, size=length))

train_ds = (tf.data.Dataset.from_generator(
    lambda: zip(sentences, tag_seqs),
    output_signature=(tf.TensorSpec([None], tf.int64), tf.TensorSpec([None], tf.int64)))
    .padded_batch(16))

ner_model = NERModel(num_tags, vocab_size, embed_dim=32, num_heads=4, ff_dim=64)
ner_model.compile(optimizer="adam", loss=NonPaddingTokenLoss())
ner_model.fit(train_ds, epochs=2, verbose=0)
sample = np.array([sentences[0]])
print(np.argmax(ner_model.predict(sample, verbose=0), axis=-1))
