import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

rng = np.random.default_rng(957)
vocab_size, caption_len, n = 500, 28, 96
# cached MobileNetV3 feature maps and tokenized captions (input tokens / next-token labels)
image_features = rng.normal(size=(n, 7, 7, 576)).astype("float32")
tokens = rng.integers(4, vocab_size, size=(n, caption_len + 1))
for row, length in zip(tokens, rng.integers(8, caption_len, size=n)):
    row[length:] = 0
input_tokens, label_tokens = tokens[:, :-1], tokens[:, 1:]


class SeqEmbedding(layers.Layer):
    def __init__(self, vocab_size, max_length, depth):
        super().__init__()
        self.max_length = max_length
        self.pos_embedding = layers.Embedding(input_dim=max_length, output_dim=depth)
        self.token_embedding = layers.Embedding(input_dim=vocab_size, output_dim=depth, mask_zero=True)

    def call(self, seq):
        seq = self.token_embedding(seq)            # (batch, seq, depth)
        x = keras.ops.arange(self.max_length)[None, :]
        x = self.pos_embedding(x)                  # (1, seq, depth)
        return seq + x


class DecoderLayer(layers.Layer):
    def __init__(self, units, num_heads=1, dropout_rate=0.1):
        super().__init__()
        self.self_attention = layers.MultiHeadAttention(num_heads=num_heads, key_dim=units, dropout=dropout_rate)
        self.cross_attention = layers.MultiHeadAttention(num_heads=num_heads, key_dim=units, dropout=dropout_rate)
        self.ff = keras.Sequential([layers.Dense(2 * units, activation="relu"), layers.Dense(units),
                                    layers.Dropout(dropout_rate)])
        self.norms = [layers.LayerNormalization() for _ in range(3)]

    def call(self, inputs):
        in_seq, out_seq = inputs
        out_seq = self.norms[0](out_seq + self.self_attention(query=out_seq, value=out_seq, use_causal_mask=True))
        out_seq = self.norms[1](out_seq + self.cross_attention(query=out_seq, value=in_seq))
        return self.norms[2](out_seq + self.ff(out_seq))


class Captioner(keras.Model):
    def __init__(self, units=64, max_length=50, num_layers=2, num_heads=2):
        super().__init__()
        self.flatten_map = layers.Reshape((-1, 576))
        self.seq_embedding = SeqEmbedding(vocab_size=vocab_size, depth=units, max_length=max_length)
        self.decoder_layers = [DecoderLayer(units, num_heads=num_heads) for _ in range(num_layers)]
        self.output_layer = layers.Dense(vocab_size)

    def call(self, inputs):
        image, txt = inputs
        image = self.flatten_map(image)            # (batch, 49, 576)
        txt = self.seq_embedding(txt)
        for dec_layer in self.decoder_layers:
            txt = dec_layer((image, txt))
        return self.output_layer(txt)


model = Captioner(units=64, max_length=50, num_layers=2, num_heads=2)
model.compile(optimizer=keras.optimizers.Adam(1e-3),
              loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True, ignore_class=0))
model.fit((image_features, input_tokens), label_tokens, batch_size=32, epochs=2, verbose=0)
print(model.predict((image_features[:2], input_tokens[:2]), verbose=0).shape)
