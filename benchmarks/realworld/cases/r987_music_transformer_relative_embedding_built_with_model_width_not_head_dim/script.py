# Music-Transformer style decoder for tokenized MIDI events (after the keras-io MIDI
# generation example): relative global attention with a learned relative position
# embedding, skewing trick, decoder blocks, and a PyDataset of random note windows.
import random

import numpy as np
import keras
from keras import layers, ops, utils


class CONFIG:
    max_sequence_len = 32
    embedding_dim = 64
    num_transformer_blocks = 2
    batch_size = 8
    token_pad = 0
    token_end_of_sentence = 1
    vocabulary_size = 120


random.seed(987)
rng = np.random.default_rng(987)
train_midis = [rng.integers(2, CONFIG.vocabulary_size, size=rng.integers(20, 90)) for _ in range(48)]


class MidiDataset(utils.PyDataset):
    def __init__(self, encoded_midis, batch_size=CONFIG.batch_size, max_sequence_len=CONFIG.max_sequence_len):
        super().__init__()
        self.batch_size = batch_size
        self.max_sequence_len = max_sequence_len
        self.encoded_midis = encoded_midis
        batches, last = divmod(len(encoded_midis), batch_size)
        self._num_batches = batches + int(last > 0)

    def __len__(self):
        return self._num_batches

    def __getitem__(self, idx):
        batch = random.sample(self.encoded_midis, k=self.batch_size)
        data = np.array([self._get_sequence(m, self.max_sequence_len + 1) for m in batch])
        return data[:, :-1], data[:, 1:]

    def _get_sequence(self, data, max_length):
        if len(data) > max_length:
            start = random.randrange(0, len(data) - max_length)
            data = data[start:start + max_length]
        elif len(data) < max_length:
            data = np.append(data, CONFIG.token_end_of_sentence)
        if len(data) < max_length:
            data = np.concatenate((data, np.full(max_length - len(data), CONFIG.token_pad)))
        return np.asarray(data, dtype="int32")


class RelativeGlobalAttention(layers.Layer):
    def __init__(self, num_heads, embedding_dim, max_sequence_len, **kwargs):
        super().__init__(**kwargs)
        self.max_sequence_len = max_sequence_len
        self.num_heads = num_heads
        self.embedding_dim = embedding_dim
        self.head_dim = embedding_dim // num_heads
        self.query_dense = layers.Dense(embedding_dim)
        self.key_dense = layers.Dense(embedding_dim)
        self.value_dense = layers.Dense(embedding_dim)
        self.output_dense = layers.Dense(embedding_dim)

    def build(self, input_shape):
        self.query_length = input_shape[0][1]
        self.key_length = input_shape[1][1]
        self.relative_embedding = self.add_weight(
            (self.max_sequence_len, self.embedding_dim), name="relative_embedding")

    def _split_heads(self, inputs, dense_layer):
        inputs = dense_layer(inputs)
        shape = ops.shape(inputs)
        return ops.transpose(ops.reshape(inputs, (shape[0], shape[1], self.num_heads, -1)), (0, 2, 1, 3))

    def call(self, inputs, mask=None):
        query = self._split_heads(inputs[0], self.query_dense)
        key = self._split_heads(inputs[1], self.key_dense)
        value = self._split_heads(inputs[2], self.value_dense)
        scores = ops.matmul(query, ops.transpose(key, [0, 1, 3, 2]))
        start_idx = max(0, self.max_sequence_len - query.shape[2])
        relative = ops.einsum("bhld,md->bhlm", query, self.relative_embedding[start_idx:, :])
        relative = ops.flip(ops.tri(relative.shape[-2], relative.shape[-1], dtype="float32"), axis=1) * relative
        scores += self._skew(relative)
        logits = scores / ops.sqrt(float(self.head_dim))
        if mask is not None:
            logits += ops.cast(mask, "float32") * -1e9
        weights = ops.softmax(logits, axis=-1)
        out = ops.transpose(ops.matmul(weights, value), (0, 2, 1, 3))
        out = ops.reshape(out, (ops.shape(out)[0], -1, self.embedding_dim))
        return self.output_dense(out)

    def _skew(self, scores):
        padded = ops.pad(scores, ((0, 0), (0, 0), (0, 0), (1, 0)))
        shape = ops.shape(padded)
        skewed = ops.reshape(padded, (-1, shape[1], shape[-1], shape[-2]))[:, :, 1:, :]
        return skewed[:, :, :, : self.key_length]


class DecoderLayer(layers.Layer):
    def __init__(self, embedding_dim, num_heads, max_sequence_len, dropout=0.1):
        super().__init__()
        self.attention = RelativeGlobalAttention(num_heads, embedding_dim, max_sequence_len)
        self.ffn_pre = layers.Dense(embedding_dim // 2, "relu")
        self.ffn_post = layers.Dense(embedding_dim)
        self.norm_1 = layers.LayerNormalization(epsilon=1e-6)
        self.norm_2 = layers.LayerNormalization(epsilon=1e-6)
        self.dropout_1 = layers.Dropout(dropout)
        self.dropout_2 = layers.Dropout(dropout)

    def call(self, inputs, mask=None, training=False):
        att = self.dropout_1(self.attention((inputs, inputs, inputs), mask=mask), training=training)
        att_norm = self.norm_1(att + inputs)
        ffn = self.dropout_2(self.ffn_post(self.ffn_pre(att)), training=training)
        return self.norm_2(att_norm + ffn)


class MusicTransformerDecoder(keras.Model):
    def __init__(self, embedding_dim=CONFIG.embedding_dim, vocabulary_size=CONFIG.vocabulary_size,
                 num_blocks=CONFIG.num_transformer_blocks, max_sequence_len=CONFIG.max_sequence_len, dropout=0.2):
        super().__init__()
        self.embedding_dim = embedding_dim
        self.max_sequence_len = max_sequence_len
        self.embedding = layers.Embedding(vocabulary_size, embedding_dim)
        self.position = layers.Embedding(max_sequence_len, embedding_dim)
        self.blocks = [DecoderLayer(embedding_dim, embedding_dim // 32, max_sequence_len, dropout)
                       for _ in range(num_blocks)]
        self.dropout = layers.Dropout(dropout)
        self.fc = layers.Dense(vocabulary_size, name="output")

    def look_ahead_mask(self, inputs):
        length = min(self.max_sequence_len, inputs.shape[1])
        future = ops.logical_not(ops.tri(length, length, dtype="bool"))
        padded = ops.equal(ops.cast(inputs[:, None, None, :], "int32"), CONFIG.token_pad)
        return ops.cast(ops.logical_or(padded, future), "int32")

    def call(self, inputs, training=False):
        mask = self.look_ahead_mask(inputs)
        x = self.embedding(inputs) * ops.sqrt(float(self.embedding_dim))
        x = x + self.position(ops.arange(ops.shape(inputs)[1]))
        x = self.dropout(x, training=training)
        for block in self.blocks:
            x = block(x, mask=mask, training=training)
        return self.fc(x)


def train_loss(y_true, y_pred):
    mask = ops.cast(ops.not_equal(y_true, CONFIG.token_pad), "float32")
    loss = keras.losses.sparse_categorical_crossentropy(y_true, y_pred, from_logits=True)
    return ops.sum(loss * mask) / ops.maximum(ops.sum(mask), 1.0)


model = MusicTransformerDecoder()
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss=train_loss)
model.fit(MidiDataset(train_midis), epochs=2, verbose=0)
print("final loss:", float(model.evaluate(MidiDataset(train_midis), verbose=0)))
