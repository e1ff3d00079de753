# Attention translator (TensorFlow "Neural machine translation with attention"
# tutorial style): a bidirectional GRU encoder, a decoder GRU with cross-attention
# over the encoded source, and a hand-written masked loss and accuracy that ignore
# the padding tokens of the target sentences.
import numpy as np
import tensorflow as tf

UNITS = 32
SRC_VOCAB = 60
TGT_VOCAB = 50
rng = np.random.default_rng(23)


def random_padded(n, max_len, vocab):
    out = np.zeros((n, max_len), dtype="int64")
    for i in range(n):
        length = rng.integers(3, max_len + 1)
        out[i, :length] = rng.integers(1, vocab, size=length)
    return out


src = random_padded(64, 10, SRC_VOCAB)
tgt = random_padded(64, 12, TGT_VOCAB)
train_raw = tf.data.Dataset.from_tensor_slices(((src, tgt[:, :-1]), tgt[:, 1:])).shuffle(64).batch(16)


class Encoder(tf.keras.layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.embedding = tf.keras.layers.Embedding(SRC_VOCAB, units, mask_zero=True)
        self.rnn = tf.keras.layers.Bidirectional(
            merge_mode="sum", layer=tf.keras.layers.GRU(units, return_sequences=True))

    def call(self, x):
        return self.rnn(self.embedding(x))


class CrossAttention(tf.keras.layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.mha = tf.keras.layers.MultiHeadAttention(key_dim=units, num_heads=1)
        self.layernorm = tf.keras.layers.LayerNormalization()
        self.add = tf.keras.layers.Add()

    def call(self, x, context):
        attn_output = self.mha(query=x, value=context)
        return self.layernorm(self.add([x, attn_output]))


class Decoder(tf.keras.layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.embedding = tf.keras.layers.Embedding(TGT_VOCAB, units, mask_zero=True)
        self.rnn = tf.keras.layers.GRU(units, return_sequences=True)
        self.attention = CrossAttention(units)
        self.output_layer = tf.keras.layers.Dense(TGT_VOCAB)

    def call(self, context, x):
        x = self.rnn(self.embedding(x))
        x = self.attention(x, context)
        return self.output_layer(x)


class Translator(tf.keras.Model):
    def __init__(self, units):
        super().__init__()
        self.encoder = Encoder(units)
        self.decoder = Decoder(units)

    def call(self, inputs):
        context, x = inputs
        return self.decoder(self.encoder(context), x)


def masked_loss(y_true, y_pred):
    loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    loss = loss_fn(y_true, y_pred)
    mask = tf.cast(y_true != 0, loss.dtype)
    loss *= mask
    return tf.reduce_sum(loss) / tf.reduce_sum(mask)


def masked_acc(y_true, y_pred):
    y_pred = tf.argmax(y_pred, axis=-1)
    y_pred = tf.cast(y_pred, y_true.dtype)
    match = tf.cast(y_true == y_pred, tf.float32)
    mask = tf.cast(y_true != 0, tf.float32)
    return tf.reduce_sum(match * mask) / tf.reduce_sum(mask)


model = Translator(UNITS)
model.compile(optimizer="adam", loss=masked_loss, metrics=[masked_acc, masked_loss])
history = model.fit(train_raw, epochs=2, verbose=0)
print(history.history["loss"])
