import numpy as np
import keras
from keras import layers


class TransformerBlock(layers.Layer):
    def __init__(self, embed_dim, num_heads, ff_dim, rate=0.1):
        super().__init__()
        self.att = layers.MultiHeadAttention(num_heads=num_heads, key_dim=embed_dim)
        self.ffn_1 = layers.Dense(ff_dim, activation="relu")
        self.ffn_2 = layers.Dense(ff_dim)
        self.layernorm1 = layers.LayerNormalization(epsilon=1e-6)
        self.layernorm2 = layers.LayerNormalization(epsilon=1e-6)
        self.dropout1 = layers.Dropout(rate)
        self.dropout2 = layers.Dropout(rate)

    def call(self, inputs, training=False):
        attn_output = self.att(inputs, inputs)
        attn_output = self.dropout1(attn_output, training=training)
        out1 = self.layernorm1(inputs + attn_output)
        ffn_output = self.ffn_2(self.ffn_1(out1))
        ffn_output = self.dropout2(ffn_output, training=training)
        return self.layernorm2(out1 + ffn_output)


class NERModel(keras.Model):
    """Token classification: one tag per token."""

    def __init__(self, num_tags, vocab_size, maxlen=16, embed_dim=32, num_heads=2, ff_dim=64):
        super().__init__()
        self.embedding = layers.Embedding(vocab_size, embed_dim)
        self.transformer_block = TransformerBlock(embed_dim, num_heads, ff_dim)
        self.dropout1 = layers.Dropout(0.1)
        self.ff = layers.Dense(ff_dim, activation="relu")
        self.ff_final = layers.Dense(num_tags, activation="softmax")

    def call(self, inputs, training=False):
        x = self.embedding(inputs)
        x = self.transformer_block(x)
        x = self.dropout1(x, training=training)
        x = self.ff(x)
        return self.ff_final(x)


ner_model = NERModel(num_tags=10, vocab_size=100)
x_train = np.random.randint(0, 100, size=(32, 16))
y_train = np.random.randint(0, 10, size=(32, 16))
ner_model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
ner_model.fit(x_train, y_train, batch_size=16, epochs=1, verbose=0)
