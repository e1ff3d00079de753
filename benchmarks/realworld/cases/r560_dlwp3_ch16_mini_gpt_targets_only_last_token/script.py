# Small GPT-style language model: causal Transformer decoders over a token stream,
# output logits computed with the transposed token embedding matrix.
import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

vocab_size = 60
sequence_length = 16
batch_size = 8

rng = np.random.default_rng(16)
token_stream = rng.integers(1, vocab_size, size=(17 * 96,)).astype("int32")
ds = tf.data.Dataset.from_tensor_slices(token_stream)
ds = ds.batch(sequence_length + 1, drop_remainder=True)
ds = ds.map(lambda x: (x[:-1], x[-1]))
ds = ds.batch(batch_size)
val_ds, train_ds = ds.take(2), ds.skip(2)


class TransformerDecoder(keras.Layer):
    def __init__(self, hidden_dim, intermediate_dim, num_heads):
        super().__init__()
        self.self_attention = layers.MultiHeadAttention(num_heads, hidden_dim // num_heads, dropout=0.1)
        self.self_attention_layernorm = layers.LayerNormalization()
        self.feed_forward_1 = layers.Dense(intermediate_dim, activation="relu")
        self.feed_forward_2 = layers.Dense(hidden_dim)
        self.feed_forward_layernorm = layers.LayerNormalization()
        self.dropout = layers.Dropout(0.1)

    def call(self, inputs):
        residual = x = inputs
        x = self.self_attention(query=x, key=x, value=x, use_causal_mask=True)
        x = self.self_attention_layernorm(self.dropout(x) + residual)
        residual = x
        x = self.feed_forward_2(self.feed_forward_1(x))
        return self.feed_forward_layernorm(self.dropout(x) + residual)


class PositionalEmbedding(keras.Layer):
    def __init__(self, sequence_length, input_dim, output_dim):
        super().__init__()
        self.token_embeddings = layers.Embedding(input_dim, output_dim)
        self.position_embeddings = layers.Embedding(sequence_length, output_dim)

    def call(self, inputs, reverse=False):
        if reverse:
            token_embeddings = self.token_embeddings.embeddings
            return ops.matmul(inputs, ops.transpose(token_embeddings))
        positions = ops.cumsum(ops.ones_like(inputs), axis=-1) - 1
        return self.token_embeddings(inputs) + self.position_embeddings(positions)


inputs = keras.Input(shape=(None,), dtype="int32", name="inputs")
embedding = PositionalEmbedding(sequence_length, vocab_size, 32)
x = layers.LayerNormalization()(embedding(inputs))
for i in range(2):
    x = TransformerDecoder(32, 64, 2)(x)
outputs = embedding(x, reverse=True)
mini_gpt = keras.Model(inputs, outputs)

mini_gpt.compile(optimizer=keras.optimizers.Adam(2e-4),
                 loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                 metrics=["accuracy"])
mini_gpt.fit(train_ds, validation_data=val_ds, epochs=2, verbose=0)
print(mini_gpt.predict(np.array([token_stream[:5]]), verbose=0).shape)
