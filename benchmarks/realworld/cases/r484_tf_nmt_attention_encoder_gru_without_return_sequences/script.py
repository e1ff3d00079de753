# Spanish -> English style translator: bidirectional-GRU encoder, GRU decoder with cross-attention.
import numpy as np
import tensorflow as tf
import keras

UNITS = 64
CONTEXT_VOCAB = 300
TARGET_VOCAB = 250


class Encoder(keras.layers.Layer):
    def __init__(self, vocab_size, units):
        super().__init__()
        self.embedding = keras.layers.Embedding(vocab_size, units, mask_zero=True)
        self.rnn = keras.layers.Bidirectional(
            merge_mode="sum",
            layer=keras.layers.GRU(units, recurrent_initializer="glorot_uniform"))

    def call(self, x):
        x = self.embedding(x)
        return self.rnn(x)


class CrossAttention(keras.layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.mha = keras.layers.MultiHeadAttention(key_dim=units, num_heads=1)
        self.layernorm = keras.layers.LayerNormalization()
        self.add = keras.layers.Add()

    def call(self, x, context):
        attn_output = self.mha(query=x, value=context)
        x = self.add([x, attn_output])
        return self.layernorm(x)


class Decoder(keras.layers.Layer):
    def __init__(self, vocab_size, units):
        super().__init__()
        self.embedding = keras.layers.Embedding(vocab_size, units, mask_zero=True)
        self.rnn = keras.layers.GRU(units, return_sequences=True, return_state=True,
                                    recurrent_initializer="glorot_uniform")
        self.attention = CrossAttention(units)
        self.output_layer = keras.layers.Dense(vocab_size)

    def call(self, context, x):
        x = self.embedding(x)
        x, state = self.rnn(x)
        x = self.attention(x, context)
        return self.output_layer(x)


class Translator(keras.Model):
    def __init__(self, units):
        super().__init__()
        self.encoder = Encoder(CONTEXT_VOCAB, units)
        self.decoder = Decoder(TARGET_VOCAB, units)

    def call(self, inputs):
        context, x = inputs
        context = self.encoder(context)
        return self.decoder(context, x)


def masked_loss(y_true, y_pred):
    loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True, reduction="none")
    loss = loss_fn(y_true, y_pred)
    mask = tf.cast(y_true != 0, loss.dtype)
    return tf.reduce_sum(loss * mask) / tf.reduce_sum(mask)


rng = np.random.default_rng(5)
context_tok = rng.integers(1, CONTEXT_VOCAB, size=(96, 14))
target_tok = rng.integers(1, TARGET_VOCAB, size=(96, 12))
target_in, target_out = target_tok[:, :-1], target_tok[:, 1:]

model = Translator(UNITS)
logits = model((context_tok[:8], target_in[:8]))
print("logits:", logits.shape)
model.compile(optimizer="adam", loss=masked_loss)
model.fit((context_tok, target_in), target_out, batch_size=32, epochs=1, verbose=0)
